/** Authorization at the gateway: the route's required permissions per method, checked before forwarding. */
package io.gatehouse.gateway.authz;
