package org.cyberreport.console.api;

/** A resource with the version its {@code ETag} named, for a later {@code If-Match}. */
public record Versioned<T>(T body, String etag) {
}
