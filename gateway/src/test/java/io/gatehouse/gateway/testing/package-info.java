/** Real upstreams, faulty upstreams, a raw-socket client and the gateway under test, for end-to-end proxy tests. */
package io.gatehouse.gateway.testing;
