package io.capj.contract;

/** One entry of an InfraMachine's {@code status.addresses}: type (Hostname, InternalIP, ...) and address. */
public record MachineAddress(String type, String address) {
}
