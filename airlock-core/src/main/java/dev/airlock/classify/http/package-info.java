/**
 * The HTTP classifier: REST requests judged by method and path against a provider catalog, and
 * GraphQL documents parsed with graphql-java and judged by the mutation fields they call.
 */
@NullMarked
package dev.airlock.classify.http;

import org.jspecify.annotations.NullMarked;
