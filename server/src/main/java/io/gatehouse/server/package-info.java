/** The runnable Gatehouse jar: its entry point. */
package io.gatehouse.server;
