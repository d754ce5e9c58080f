package io.tes.dataplane.http;

/** Turns an internal message ("stream 'x' is at version 2") into a problem detail sentence. */
public final class Sentence {
  private Sentence() {}

  public static String of(String message) {
    if (message == null || message.isEmpty()) {
      return "";
    }
    String capitalized = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return capitalized.endsWith(".") ? capitalized : capitalized + ".";
  }

  /** Two messages as one detail: "First; second." */
  public static String of(String message, String consequence) {
    return of(stripPeriod(of(message)) + "; " + consequence);
  }

  private static String stripPeriod(String sentence) {
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }
}
