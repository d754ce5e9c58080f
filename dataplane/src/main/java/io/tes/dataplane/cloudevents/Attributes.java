package io.tes.dataplane.cloudevents;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The CloudEvents 1.0 rules for attribute names and values, shared by every binding. */
final class Attributes {
  static final Set<String> CONTEXT =
      Set.of(
          "specversion",
          "id",
          "source",
          "type",
          "subject",
          "time",
          "datacontenttype",
          "dataschema");

  private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,64}");
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\\s*(;.*)?");

  private Attributes() {}

  static void checkExtensionName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new InvalidEventException(
          name,
          "attribute name '"
              + name
              + "' is invalid: CloudEvents attribute names are lowercase letters and digits");
    }
  }

  static String requireNonEmpty(String name, String value) {
    if (value == null) {
      throw new InvalidEventException(name, "required attribute '" + name + "' is missing");
    }
    if (value.isEmpty()) {
      throw new InvalidEventException(name, "attribute '" + name + "' must not be empty");
    }
    return value;
  }

  static void checkSpecVersion(String value) {
    requireNonEmpty("specversion", value);
    if (!CloudEvent.SPEC_VERSION.equals(value)) {
      throw new InvalidEventException(
          "specversion", "specversion '" + value + "' is not supported; use '1.0'");
    }
  }

  static void checkUriReference(String name, String value) {
    try {
      new URI(value);
    } catch (URISyntaxException e) {
      throw new InvalidEventException(
          name, "attribute '" + name + "' is not a URI-reference: " + e.getMessage());
    }
  }

  static void checkAbsoluteUri(String name, String value) {
    checkUriReference(name, value);
    if (!URI.create(value).isAbsolute()) {
      throw new InvalidEventException(
          name, "attribute '" + name + "' must be an absolute URI, was '" + value + "'");
    }
  }

  static void checkTime(String value) {
    try {
      OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(
          "time", "attribute 'time' is not an RFC 3339 timestamp: '" + value + "'");
    }
  }

  static void checkMediaType(String value) {
    if (!MEDIA_TYPE.matcher(value).matches()) {
      throw new InvalidEventException(
          "datacontenttype", "attribute 'datacontenttype' is not a media type: '" + value + "'");
    }
  }

  /** Whether data of this media type is JSON (absent means JSON in the JSON event format). */
  static boolean isJson(String mediaType) {
    if (mediaType == null) {
      return true;
    }
    String essence = essence(mediaType);
    return essence.equals("application/json")
        || essence.equals("text/json")
        || essence.endsWith("+json");
  }

  static boolean isText(String mediaType) {
    return mediaType != null && essence(mediaType).startsWith("text/");
  }

  static String essence(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    String type = semicolon < 0 ? mediaType : mediaType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /** Checks the attributes every binding shares once an event is assembled. */
  static void checkCommon(CloudEvent event) {
    requireNonEmpty("source", event.source());
    checkUriReference("source", event.source());
    requireNonEmpty("type", event.type());
    if (event.id() != null) {
      requireNonEmpty("id", event.id());
    }
    if (event.subject() != null) {
      requireNonEmpty("subject", event.subject());
    }
    if (event.time() != null) {
      checkTime(event.time());
    }
    if (event.datacontenttype() != null) {
      checkMediaType(event.datacontenttype());
    }
    if (event.dataschema() != null) {
      checkAbsoluteUri("dataschema", event.dataschema());
    }
    Object expected = event.extensions().get(CloudEvent.EXPECTED_VERSION);
    if (expected != null && !(expected instanceof Long)) {
      throw new InvalidEventException(
          CloudEvent.EXPECTED_VERSION,
          "attribute 'expectedversion' must be a non-negative integer, was '" + expected + "'");
    }
    if (expected != null && event.subject() == null) {
      throw new InvalidEventException(
          CloudEvent.EXPECTED_VERSION,
          "attribute 'expectedversion' needs a 'subject': versions are per subject");
    }
  }
}
