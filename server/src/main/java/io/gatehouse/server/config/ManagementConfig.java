package io.gatehouse.server.config;

/**
 * The management listener ({@code /healthz}, {@code /readyz}, {@code /metrics}).
 *
 * @param enabled whether it runs
 * @param host interface, default 127.0.0.1
 * @param port port, default 9090
 */
public record ManagementConfig(boolean enabled, String host, int port) {}
