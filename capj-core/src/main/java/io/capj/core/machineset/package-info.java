/**
 * The MachineSet controller: keeps {@code spec.replicas} Machines cut from the set's template, as upstream's
 * {@code core/reconcilers/machineset}. It owns the set's finalizer and status, the Machines it creates or adopts
 * (their in-place fields and, for remediation, their OwnerRemediated condition) and the bootstrap and
 * infrastructure clones it creates for them until their Machine adopts them. It must not write the Machine's
 * other conditions (the Machine controller's), nor provider objects beyond cloning, labelling and deleting them.
 * Decisions live in pure classes over small views ({@link io.capj.core.machineset.MachineSetDeletionOrder},
 * {@link io.capj.core.machineset.MachineNaming}, {@link io.capj.core.machineset.MachineSetStatus}) so tests can
 * table them; the reconciler and its verb classes do the reading and writing.
 */
package io.capj.core.machineset;
