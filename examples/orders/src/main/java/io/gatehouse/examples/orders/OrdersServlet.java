package io.gatehouse.examples.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.sdk.Principal;
import io.gatehouse.sdk.servlet.GatehouseAuthFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /orders} ({@code orders:read}): the caller's orders. {@code POST /orders}
 * ({@code orders:write}, body {@code {"sku": "...", "quantity": n}}): reserves the stock in
 * inventory, then records the order, 201. The caller is the token's {@code sub}, put on the request
 * by {@link GatehouseAuthFilter}; headers such as {@code X-User-Id} are never read.
 */
final class OrdersServlet extends HttpServlet {
  static final String READ = "orders:read";
  static final String WRITE = "orders:write";

  private static final long serialVersionUID = 1L;
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int MAX_BODY = 16 * 1024;

  private final transient OrderBook orders;
  private final transient InventoryClient inventory;

  OrdersServlet(OrderBook orders, InventoryClient inventory) {
    this.orders = orders;
    this.inventory = inventory;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"/orders".equals(request.getRequestURI())) {
      Responses.problem(response, 404, "Not Found", "no such resource: " + request.getRequestURI());
      return;
    }
    // The filter ran first, so a principal is always there.
    Principal caller = GatehouseAuthFilter.principal(request).orElseThrow();
    switch (request.getMethod()) {
      case "GET" -> list(caller, response);
      case "POST" -> create(caller, request, response);
      default -> {
        response.setHeader("Allow", "GET, POST");
        Responses.problem(response, 405, "Method Not Allowed", "use GET or POST");
      }
    }
  }

  private void list(Principal caller, HttpServletResponse response) throws IOException {
    caller.require(READ); // a ForbiddenException becomes 403 insufficient_scope in the filter
    Responses.json(response, 200, Map.of("items", orders.of(caller.subject())));
  }

  private void create(Principal caller, HttpServletRequest request, HttpServletResponse response) throws IOException {
    caller.require(WRITE);
    JsonNode body = body(request, response);
    if (body == null) {
      return;
    }
    String sku = body.path("sku").asText("");
    JsonNode quantity = body.path("quantity");
    if (!body.path("sku").isTextual() || !SKU.matcher(sku).matches()) {
      Responses.problem(response, 400, "Bad Request", "sku must be 1 to 64 letters, digits, '.', '_' or '-'");
      return;
    }
    if (!quantity.isIntegralNumber() || !quantity.canConvertToInt() || quantity.intValue() < 1) {
      Responses.problem(response, 400, "Bad Request", "quantity must be a positive integer");
      return;
    }
    switch (inventory.reserve(sku, quantity.intValue())) {
      case Reservation.Reserved reserved ->
          Responses.json(response, 201, orders.add(caller.subject(), sku, quantity.intValue()));
      case Reservation.UnknownSku unknown -> Responses.problem(response, 422, "Unprocessable Content",
          "inventory has no item " + sku);
      case Reservation.NotEnough notEnough -> Responses.problem(response, 409, "Conflict", notEnough.detail());
      case Reservation.Failed failed -> {
        if (failed.status() == 503) {
          response.setHeader("Retry-After", "5");
        }
        Responses.problem(response, failed.status(), failed.status() == 503 ? "Service Unavailable" : "Bad Gateway",
            failed.detail());
      }
    }
  }

  /** The JSON object in the body, or null after answering 400/413/415. */
  private static JsonNode body(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      Responses.problem(response, 415, "Unsupported Media Type", "send application/json");
      return null;
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY) {
      Responses.problem(response, 413, "Content Too Large", "the body must be at most " + MAX_BODY + " bytes");
      return null;
    }
    try {
      JsonNode body = Responses.JSON.readTree(bytes);
      if (body != null && body.isObject()) {
        return body;
      }
    } catch (IOException e) {
      // answered below
    }
    Responses.problem(response, 400, "Bad Request", "the body must be a JSON object");
    return null;
  }
}
