package io.capj.infrastructure.dev.etcd;

/** The alarm types of etcd's Maintenance API. */
public enum EtcdAlarm {
    NOSPACE, CORRUPT
}
