package io.capj.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.apimachinery.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Valid KubeadmConfig and KubeadmConfigTemplate objects for tests to create or break. */
final class KubeadmSamples {
    /** A spec using nearly every field, with values upstream's schema accepts. */
    private static final String FULL_SPEC = """
            clusterConfiguration:
              etcd:
                local:
                  imageRepository: registry.k8s.io
                  imageTag: 3.5.21-0
                  dataDir: /var/lib/etcd
                  extraArgs:
                  - {name: quota-backend-bytes, value: "8589934592"}
                  extraEnvs:
                  - {name: ETCD_LOG_LEVEL, value: info}
                  serverCertSANs: [etcd.local]
                  peerCertSANs: [etcd-peer.local]
              controlPlaneEndpoint: cp.example.com:6443
              apiServer:
                certSANs: [localhost, 127.0.0.1]
                extraArgs:
                - {name: audit-log-maxage, value: "30"}
                - {name: enable-admission-plugins, value: ""}
                extraVolumes:
                - {name: audit, hostPath: /var/log/audit, mountPath: /var/log/audit, readOnly: false,
                  pathType: DirectoryOrCreate}
                extraEnvs:
                - name: NODE_NAME
                  valueFrom:
                    fieldRef: {fieldPath: spec.nodeName}
                - name: CPU_LIMIT
                  valueFrom:
                    resourceFieldRef: {resource: limits.cpu, divisor: 1m}
                - name: SECRET
                  valueFrom:
                    secretKeyRef: {name: creds, key: token, optional: true}
              controllerManager:
                extraArgs:
                - {name: bind-address, value: 0.0.0.0}
              scheduler:
                extraArgs:
                - {name: bind-address, value: 0.0.0.0}
              dns:
                imageRepository: registry.k8s.io/coredns
                imageTag: v1.12.0
              certificatesDir: /etc/kubernetes/pki
              imageRepository: registry.k8s.io
              featureGates: {EtcdLearnerMode: true}
              certificateValidityPeriodDays: 365
              caCertificateValidityPeriodDays: 3650
              encryptionAlgorithm: ECDSA-P256
            initConfiguration:
              bootstrapTokens:
              - token: abcdef.0123456789abcdef
                description: first token
                ttlSeconds: 3600
                usages: [signing, authentication]
                groups: ["system:bootstrappers:kubeadm:default-node-token"]
              nodeRegistration:
                name: node-0
                criSocket: unix:///var/run/containerd/containerd.sock
                taints: []
                kubeletExtraArgs:
                - {name: eviction-hard, value: "nodefs.available<0%"}
                ignorePreflightErrors: [Swap]
                imagePullPolicy: IfNotPresent
                imagePullSerial: true
              localAPIEndpoint: {advertiseAddress: 10.0.0.1, bindPort: 6443}
              skipPhases: [addon/kube-proxy]
              patches: {directory: /etc/kubernetes/patches}
              timeouts: {controlPlaneComponentHealthCheckSeconds: 240, kubeletHealthCheckSeconds: 240,
                kubernetesAPICallSeconds: 60, etcdAPICallSeconds: 120, tlsBootstrapSeconds: 300,
                discoverySeconds: 300}
            joinConfiguration:
              nodeRegistration:
                taints:
                - {key: dedicated, value: infra, effect: NoSchedule}
              caCertPath: /etc/kubernetes/pki/ca.crt
              discovery:
                bootstrapToken:
                  token: abcdef.0123456789abcdef
                  apiServerEndpoint: 10.0.0.1:6443
                  caCertHashes: ["sha256:0123"]
                  unsafeSkipCAVerification: false
                file:
                  kubeConfigPath: /etc/kubernetes/discovery.conf
                  kubeConfig:
                    cluster:
                      server: https://10.0.0.1:6443
                      certificateAuthorityData: Y2E=
                    user:
                      exec:
                        command: /usr/bin/token
                        args: [--cluster, one]
                        env:
                        - {name: MODE, value: join}
                        apiVersion: client.authentication.k8s.io/v1
                        provideClusterInfo: true
                tlsBootstrapToken: abcdef.0123456789abcdef
              controlPlane:
                localAPIEndpoint: {advertiseAddress: 10.0.0.2, bindPort: 6443}
              timeouts: {tlsBootstrapSeconds: 300}
            files:
            - path: /etc/motd
              owner: root:root
              permissions: "0644"
              encoding: base64
              append: false
              content: aGVsbG8=
              contentFormat: Raw
            - path: /etc/secret.conf
              contentFrom:
                secret: {name: my-secret, key: conf}
              contentFormat: Template
            diskSetup:
              partitions:
              - {device: /dev/sdb, layout: true, overwrite: false, tableType: gpt}
              - device: /dev/sdc
                diskLayout:
                - {percentage: 50, partitionType: Linux}
                - {percentage: 50, partitionType: 0FC63DAF-8483-4772-8E79-3D69D8477DE4}
              filesystems:
              - {device: /dev/sdb1, filesystem: ext4, label: data, partition: auto, overwrite: false,
                replaceFS: ntfs, extraOpts: ["-E", lazy_itable_init=1]}
            mounts:
            - [LABEL=data, /var/lib/data]
            bootCommands: [echo boot]
            preKubeadmCommands: [echo pre]
            postKubeadmCommands: [echo post]
            users:
            - name: capi
              gecos: Cluster API
              groups: sudo
              homeDir: /home/capi
              inactive: false
              shell: /bin/bash
              passwdFrom:
                secret: {name: capi-password, key: password}
              primaryGroup: capi
              lockPassword: true
              sudo: "ALL=(ALL) NOPASSWD:ALL"
              sshAuthorizedKeys: ["ssh-ed25519 AAAA capi@example"]
            ntp:
              servers: [time.example.com]
              enabled: true
            format: cloud-config
            verbosity: 5
            ignition:
              containerLinuxConfig:
                additionalConfig: "systemd: {}"
                strict: true
            """;

    private KubeadmSamples() {
    }

    /** The spec above as JSON. */
    static ObjectNode fullSpec() {
        try {
            return (ObjectNode) Json.YAML.readTree(FULL_SPEC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A KubeadmConfig with a small join configuration. */
    static ObjectNode config(String name) {
        ObjectNode config = object("KubeadmConfig", name);
        config.putObject("spec").putObject("joinConfiguration").putObject("nodeRegistration")
                .put("criSocket", "unix:///var/run/containerd/containerd.sock");
        return config;
    }

    /** A KubeadmConfigTemplate with a small join configuration. */
    static ObjectNode template(String name) {
        ObjectNode template = object("KubeadmConfigTemplate", name);
        template.putObject("spec").putObject("template").putObject("spec").putObject("joinConfiguration")
                .putObject("nodeRegistration").put("criSocket", "unix:///var/run/containerd/containerd.sock");
        return template;
    }

    static ObjectNode object(String kind, String name) {
        ObjectNode object = Json.object().put("apiVersion", BootstrapGroup.API_VERSION).put("kind", kind);
        object.putObject("metadata").put("name", name);
        return object;
    }
}
