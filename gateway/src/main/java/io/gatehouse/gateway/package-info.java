/** The public API gateway: settings of the gateway role; routing, paths and the proxy live in sub-packages. */
package io.gatehouse.gateway;
