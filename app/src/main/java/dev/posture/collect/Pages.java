package dev.posture.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the pages of an OData collection one at a time: each element of {@code value} goes to the
 * caller as it is parsed, and {@code @odata.nextLink} (used whole) leads to the next page. A page is
 * never kept once read.
 */
final class Pages {
  /** What a page said beside its elements. */
  /** {@code response} holds the page's body (as sent) while the page is looked at. */
  record Page(ServiceClient.Response response, URI nextLink, Long count, int elements) {}

  private Pages() {}

  /**
   * Follows every page from {@code first}; POSTs {@code body} again to each nextLink when it is not null
   * (the Exchange admin API), GETs otherwise.
   *
   * @param onPage sees each page after its elements (its raw body, for files kept as sent)
   * @return the number of elements, or -1 when the first request answered 404
   */
  static long each(ServiceClient client, Service service, URI first, byte[] body, Map<String, String> headers,
      Consumer<ObjectNode> element, Consumer<Page> onPage) {
    long total = 0;
    URI next = first;
    boolean firstPage = true;
    while (next != null) {
      Page page;
      try (ServiceClient.Response response = body == null ? client.get(service, next, headers) : client.post(service, next, body, headers)) {
        if (response.status() == 404) {
          if (firstPage) {
            return -1;
          }
          throw new ServiceError(404, null, service.label() + " answered 404 for a page it had linked to");
        }
        page = read(response, first, element);
        onPage.accept(page);
      }
      total += page.elements();
      next = page.nextLink();
      firstPage = false;
    }
    return total;
  }

  /** One page: an object whose {@code value} is an array of objects (or null, from Exchange, when only warnings came). */
  static Page read(ServiceClient.Response response, URI first, Consumer<ObjectNode> element) {
    URI uri = response.uri();
    URI nextLink = null;
    Long count = null;
    int elements = 0;
    boolean value = false;
    try (InputStream in = response.open(); JsonParser parser = Json.MAPPER.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedResponseException(uri, "expected a JSON object with a 'value' array");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken token = parser.nextToken();
        switch (name) {
          case "value" -> {
            value = true;
            if (token == JsonToken.VALUE_NULL) {
              continue;
            }
            if (token != JsonToken.START_ARRAY) {
              throw new MalformedResponseException(uri, "$.value: expected an array, found " + describe(token));
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              JsonNode node = parser.readValueAsTree();
              if (!(node instanceof ObjectNode object)) {
                throw new MalformedResponseException(uri, "$.value[" + elements + "]: expected an object, found " + describe(node));
              }
              element.accept(object);
              elements++;
            }
          }
          case "@odata.nextLink" -> {
            if (token != JsonToken.VALUE_STRING) {
              throw new MalformedResponseException(uri, "$['@odata.nextLink']: expected a URL");
            }
            nextLink = sameOrigin(uri, first, parser.getString());
          }
          case "@odata.count" -> {
            if (token == JsonToken.VALUE_NUMBER_INT) {
              count = parser.getLongValue();
            }
          }
          default -> parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new MalformedResponseException(uri, "expected a single JSON object");
      }
    } catch (JacksonException e) {
      throw new MalformedResponseException(uri, "not valid JSON (" + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!value) {
      throw new MalformedResponseException(uri, "expected a JSON object with a 'value' array");
    }
    return new Page(response, nextLink, count, elements);
  }

  /** A single object (a policy, a settings object). */
  static ObjectNode object(ServiceClient.Response response) {
    try {
      JsonNode node = Json.MAPPER.readTree(response.bytes());
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new MalformedResponseException(response.uri(), "expected a JSON object, found " + describe(node));
    } catch (JacksonException e) {
      throw new MalformedResponseException(response.uri(), "not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /**
   * The next page's URL, which must be on the host the first page came from: a nextLink elsewhere
   * would take the token with it.
   */
  private static URI sameOrigin(URI uri, URI first, String link) {
    try {
      URI next = new URI(link);
      if (!next.isAbsolute() || !next.getScheme().equalsIgnoreCase(first.getScheme())
          || !String.valueOf(next.getRawAuthority()).equalsIgnoreCase(first.getRawAuthority())) {
        throw new MalformedResponseException(uri, "$['@odata.nextLink'] leads away from " + first.getScheme() + "://"
            + first.getRawAuthority() + "; it was not followed");
      }
      return next;
    } catch (URISyntaxException e) {
      throw new MalformedResponseException(uri, "$['@odata.nextLink']: not a URL (" + e.getReason() + ")");
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NULL -> "null";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> "a number";
    };
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return node.isArray() ? "an array" : node.isString() ? "a string" : node.isNull() ? "null" : node.isBoolean() ? "a boolean"
        : node.isNumber() ? "a number" : "an object";
  }
}
