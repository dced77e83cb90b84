package io.capj.infrastructure.dev;

/**
 * Annotations a user (or a test) puts on a DevMachine to inject failures into the inMemory backend, and the
 * provider's own bookkeeping annotation. Values are ignored; presence is what counts.
 */
public final class DevAnnotations {
    /** Prefix of every annotation the inMemory backend reads on DevMachines. */
    public static final String PREFIX = "inmemory.capj.io/";
    /**
     * The VM step fails: VMProvisioned False ({@code NotProvisioned}) with a message naming the annotation, and
     * the machine is not provisioned. A machine already provisioned is unaffected.
     */
    public static final String FAIL_PROVISIONING = PREFIX + "fail-provisioning";
    /** The Node's Ready condition turns False ({@code KubeletNotReady}); True again once removed. */
    public static final String NODE_NOT_READY = PREFIX + "node-not-ready";
    /** The Node is deleted from the workload cluster and not re-created while the annotation is present. */
    public static final String NODE_GONE = PREFIX + "node-gone";
    /** The machine is provisioned but never registers a Node (NodeProvisioned stays False). */
    public static final String NO_NODE = PREFIX + "no-node";
    /**
     * Bookkeeping, written by the provider: when the VM step started (RFC 3339), so a restarted process waits
     * only the remainder of the startup duration. Later steps start at the previous step's transition time.
     */
    public static final String VM_STARTED_AT = PREFIX + "vm-started-at";

    private DevAnnotations() {
    }
}
