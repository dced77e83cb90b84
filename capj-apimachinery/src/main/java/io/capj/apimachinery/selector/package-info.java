/**
 * Label and field selectors with upstream's grammar, matching rules and error messages: the string forms
 * sent as {@code labelSelector}/{@code fieldSelector} query parameters, and the structured
 * {@code metav1.LabelSelector} ({@code matchLabels}/{@code matchExpressions}) that controllers read from specs.
 * Parse errors are {@link io.capj.apimachinery.StatusException#badRequest 400 BadRequest} with upstream's text,
 * because kubectl shows them verbatim. This package is pure: it never reads objects itself (callers pass label
 * maps and field readers) and must not depend on storage or HTTP.
 */
package io.capj.apimachinery.selector;
