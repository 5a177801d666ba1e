package io.berth.executor.pod;

/**
 * A task that cannot become a pod (unsupported docker parameter, missing helper image, ...). The
 * message is meant for the user: it becomes the task's failure message.
 */
public class InvalidPodException extends IllegalArgumentException {
  public InvalidPodException(String message) {
    super(message);
  }
}
