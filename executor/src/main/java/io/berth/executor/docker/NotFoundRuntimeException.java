package io.berth.executor.docker;

/** The daemon answered 404: no such container or image. */
class NotFoundRuntimeException extends ContainerRuntimeException {
  NotFoundRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
