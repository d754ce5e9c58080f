package io.tes.dataplane.log;

/** The source and id of an event are taken by a stored event with different content. */
public final class DuplicateConflictException extends AppendRejectedException {
  private final String source;
  private final String id;
  private final long existingPosition;

  public DuplicateConflictException(int index, String source, String id, long existingPosition) {
    super(
        index,
        "an event with source '"
            + source
            + "' and id '"
            + id
            + "' is already stored at position "
            + existingPosition
            + " with different content");
    this.source = source;
    this.id = id;
    this.existingPosition = existingPosition;
  }

  public String source() {
    return source;
  }

  public String id() {
    return id;
  }

  public long existingPosition() {
    return existingPosition;
  }
}
