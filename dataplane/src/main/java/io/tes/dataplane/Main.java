package io.tes.dataplane;

/** Entry point of the tenant data plane. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("tes data plane");
  }
}
