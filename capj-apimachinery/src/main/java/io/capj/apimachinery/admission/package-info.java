/**
 * The contract of in-process admission for custom resource kinds (our equivalent of Cluster API's
 * defaulting and validating webhooks). Kinds implement it in their own modules; the API server calls it.
 * It must not depend on the server or on storage.
 */
package io.capj.apimachinery.admission;
