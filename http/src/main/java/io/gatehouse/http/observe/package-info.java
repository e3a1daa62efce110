/** Request ids, the JSON access log with its redaction rule, and per-listener Micrometer metrics. */
package io.gatehouse.http.observe;
