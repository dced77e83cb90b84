/**
 * Pure MachineSet logic: which Machines a MachineSet deletes when it scales down, by upstream's priorities
 * and {@code spec.deletion.order}. It owns decisions over small immutable views ({@link
 * io.capj.core.machineset.MachineView}); it must not touch the API server, clients, caches or JSON, so the
 * MachineSet reconciler can call it and tests can table it.
 */
package io.capj.core.machineset;
