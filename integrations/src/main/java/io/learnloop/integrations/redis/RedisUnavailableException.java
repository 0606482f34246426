package io.learnloop.integrations.redis;

/** Redis could not be reached; the message names the URL, without its password. */
public class RedisUnavailableException extends RuntimeException {

  public RedisUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
