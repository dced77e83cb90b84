/** Small helpers shared by the Dev provider's reconcilers (pause, condition lists); not a public API. */
package io.capj.infrastructure.dev.internal;
