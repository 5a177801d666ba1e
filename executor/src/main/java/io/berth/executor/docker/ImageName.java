package io.berth.executor.docker;

/** An image reference split for the pull API: repository and tag (or digest), {@code latest} by default. */
record ImageName(String repository, String tag) {

  static ImageName parse(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      return new ImageName(image.substring(0, at), image.substring(at + 1));
    }
    int colon = image.lastIndexOf(':');
    int slash = image.lastIndexOf('/');
    if (colon > slash) {
      return new ImageName(image.substring(0, colon), image.substring(colon + 1));
    }
    return new ImageName(image, "latest");
  }
}
