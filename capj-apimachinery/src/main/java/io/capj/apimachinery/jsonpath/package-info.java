/**
 * The JSONPath dialect of client-go's {@code util/jsonpath}, which CustomResourceDefinition printer columns, scale
 * subresource paths and selectable fields are written in: {@code .a.b}, {@code ['a']}, {@code [n]}, slices,
 * {@code [*]}, unions, {@code ..} recursive descent and {@code [?(@.type=="Ready")]} filters, inside the
 * {@code {...}} template form or bare. Evaluation and text rendering reproduce upstream's quirks (filters compare
 * like Go templates; values print like Go's {@code fmt.Fprint}) because kubectl shows the server's cells verbatim.
 * It works on Jackson trees only and must not depend on the API server. {@code range}/{@code end} are not supported.
 */
package io.capj.apimachinery.jsonpath;
