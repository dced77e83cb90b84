/**
 * Server-side printing: turns objects into {@code meta.k8s.io} {@code Table}s the way kube-apiserver does for
 * {@code kubectl get} (Accept {@code as=Table}). It owns the column definitions of each kind (CRD
 * additionalPrinterColumns, upstream's default columns for the built-in kinds we serve), cell rendering including
 * {@link io.capj.apiserver.internal.table.HumanDuration human durations}, the {@code includeObject} row payload
 * and the header-less variant used for watch events after the first. It is pure: objects and the current time come
 * in, JSON goes out; it must not touch storage, HTTP or content negotiation.
 */
package io.capj.apiserver.internal.table;
