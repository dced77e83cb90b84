package io.capj.controlplane.kubeadm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capj.api.controlplane.kubeadm.v1beta2.KubeadmControlPlaneAnnotations;
import io.capj.controlplane.kubeadm.controlplane.ControlPlane;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachine;
import io.capj.controlplane.kubeadm.controlplane.ControlPlaneMachines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builders for the JSON trees the KCP decision tests feed in: KCP, Cluster, Machines. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public static final String KCP_UID = "kcp-uid";
    public static final String VERSION = "v1.30.2";

    private Fixtures() {
    }

    public static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A fluent Machine builder; the Machine is controlled by the KCP, runs {@link #VERSION}, created an hour ago. */
    public static MachineBuilder machine(String name) {
        return new MachineBuilder(name);
    }

    public static KcpBuilder kcp() {
        return new KcpBuilder();
    }

    /** A Cluster whose status lists these control-plane failure domains (and one worker-only "w"). */
    public static ObjectNode cluster(String... controlPlaneFailureDomains) {
        ObjectNode cluster = json("{'metadata':{'name':'c1'},'spec':{},'status':{}}");
        ArrayNode fds = ((ObjectNode) cluster.get("status")).putArray("failureDomains");
        for (String fd : controlPlaneFailureDomains) {
            fds.addObject().put("name", fd).put("controlPlane", true);
        }
        fds.addObject().put("name", "w").put("controlPlane", false);
        return cluster;
    }

    public static ControlPlane controlPlane(KcpBuilder kcp, ObjectNode cluster, MachineBuilder... machines) {
        return ControlPlane.observe(kcp.build(), cluster, machines(machines), NOW);
    }

    public static ControlPlaneMachines machines(MachineBuilder... machines) {
        return ControlPlaneMachines.of(List.of(machines).stream().map(MachineBuilder::cp).toList());
    }

    /** Builds a Machine JSON tree. */
    public static final class MachineBuilder {
        private final ObjectNode machine;
        private ObjectNode kubeadmConfig;
        private ObjectNode infraMachine;

        MachineBuilder(String name) {
            machine = Fixtures.json("{'metadata':{'name':'" + name + "','annotations':{},'ownerReferences':[{'kind':"
                    + "'KubeadmControlPlane','name':'kcp','uid':'" + KCP_UID + "','controller':true}]},"
                    + "'spec':{'version':'" + VERSION + "','bootstrap':{'configRef':{'name':'" + name + "'}},"
                    + "'infrastructureRef':{'kind':'DevMachine','apiGroup':'infrastructure.cluster.x-k8s.io','name':'"
                    + name + "'}},'status':{'conditions':[]}}");
            created(Duration.ofHours(1));
        }

        public MachineBuilder created(Duration ago) {
            return createdAt(NOW.minus(ago));
        }

        public MachineBuilder createdAt(Instant at) {
            meta().put("creationTimestamp", at.toString());
            return this;
        }

        public MachineBuilder deleting() {
            meta().put("deletionTimestamp", NOW.toString());
            return this;
        }

        public MachineBuilder annotate(String key, String value) {
            ((ObjectNode) meta().get("annotations")).put(key, value);
            return this;
        }

        public MachineBuilder ownerUid(String uid) {
            ((ObjectNode) meta().get("ownerReferences").get(0)).put("uid", uid);
            return this;
        }

        public MachineBuilder failureDomain(String fd) {
            spec().put("failureDomain", fd);
            return this;
        }

        public MachineBuilder version(String version) {
            spec().put("version", version);
            return this;
        }

        public MachineBuilder node(String node) {
            status().putObject("nodeRef").put("name", node);
            return this;
        }

        /** A nodeRef named after the Machine and every component and etcd condition True. */
        public MachineBuilder healthy() {
            node(name());
            for (String c : ControlPlaneMachine.healthConditions(true)) {
                condition(c, "True");
            }
            return condition("HealthCheckSucceeded", "True");
        }

        public MachineBuilder condition(String type, String status) {
            ArrayNode conditions = (ArrayNode) status().get("conditions");
            for (int i = 0; i < conditions.size(); i++) {
                if (type.equals(conditions.get(i).path("type").asText())) {
                    conditions.remove(i);
                    break;
                }
            }
            conditions.addObject().put("type", type).put("status", status).put("message", type + " is " + status);
            return this;
        }

        /** HealthCheckSucceeded=False and OwnerRemediated=False: left to KCP to remediate. */
        public MachineBuilder toRemediate() {
            condition("HealthCheckSucceeded", "False");
            return condition("OwnerRemediated", "False");
        }

        public MachineBuilder certificatesExpire(Instant at) {
            status().put("certificatesExpiryDate", at.toString());
            return this;
        }

        public MachineBuilder kubeadmConfig(String specJson) {
            kubeadmConfig = Fixtures.json("{'metadata':{'name':'" + name() + "'},'spec':" + specJson + "}");
            return this;
        }

        public MachineBuilder infraClonedFrom(String groupKind, String template) {
            infraMachine = Fixtures.json("{'metadata':{'name':'" + name() + "','annotations':{"
                    + "'cluster.x-k8s.io/cloned-from-name':'" + template + "',"
                    + "'cluster.x-k8s.io/cloned-from-groupkind':'" + groupKind + "'}}}");
            return this;
        }

        public MachineBuilder remediationFor(String dataJson) {
            return annotate(KubeadmControlPlaneAnnotations.RemediationForAnnotation, dataJson);
        }

        public String name() {
            return machine.at("/metadata/name").asText();
        }

        public ObjectNode json() {
            return machine;
        }

        public ControlPlaneMachine cp() {
            return new ControlPlaneMachine(machine, Optional.ofNullable(kubeadmConfig),
                    Optional.ofNullable(infraMachine));
        }

        private ObjectNode meta() {
            return (ObjectNode) machine.get("metadata");
        }

        private ObjectNode spec() {
            return (ObjectNode) machine.get("spec");
        }

        private ObjectNode status() {
            return (ObjectNode) machine.get("status");
        }
    }

    /** Builds a KubeadmControlPlane JSON tree: 3 replicas, {@link #VERSION}, certificates available. */
    public static final class KcpBuilder {
        private final ObjectNode kcp = json("{'metadata':{'name':'kcp','uid':'" + KCP_UID + "','annotations':{}},"
                + "'spec':{'replicas':3,'version':'" + VERSION + "','machineTemplate':{'spec':{'infrastructureRef':"
                + "{'apiGroup':'infrastructure.cluster.x-k8s.io','kind':'DevMachineTemplate','name':'tmpl-1'}}},"
                + "'kubeadmConfigSpec':{}},"
                + "'status':{'conditions':[{'type':'CertificatesAvailable','status':'True'}]}}");

        public KcpBuilder replicas(int replicas) {
            spec().put("replicas", replicas);
            return this;
        }

        public KcpBuilder maxSurge(int surge) {
            objectAt(objectAt(objectAt(spec(), "rollout"), "strategy"), "rollingUpdate").put("maxSurge", surge);
            return this;
        }

        public KcpBuilder version(String version) {
            spec().put("version", version);
            return this;
        }

        public KcpBuilder rolloutAfter(Instant at) {
            objectAt(spec(), "rollout").put("after", at.toString());
            return this;
        }

        public KcpBuilder certificatesExpiryDays(int days) {
            objectAt(objectAt(spec(), "rollout"), "before").put("certificatesExpiryDays", days);
            return this;
        }

        public KcpBuilder kubeadmConfigSpec(String specJson) {
            spec().set("kubeadmConfigSpec", json(specJson));
            return this;
        }

        public KcpBuilder remediation(String json) {
            spec().set("remediation", json(json));
            return this;
        }

        public KcpBuilder annotate(String key, String value) {
            ((ObjectNode) kcp.at("/metadata/annotations")).put(key, value);
            return this;
        }

        public KcpBuilder initialized() {
            objectAt((ObjectNode) kcp.get("status"), "initialization").put("controlPlaneInitialized", true);
            return this;
        }

        public KcpBuilder certificatesMissing() {
            ((ObjectNode) kcp.get("status")).putArray("conditions");
            return this;
        }

        public KcpBuilder externalEtcd() {
            return kubeadmConfigSpec("{'clusterConfiguration':{'etcd':{'external':{'endpoints':['https://e:2379']}}}}");
        }

        public ObjectNode build() {
            return kcp;
        }

        private ObjectNode spec() {
            return (ObjectNode) kcp.get("spec");
        }

        private static ObjectNode objectAt(ObjectNode parent, String field) {
            JsonNode child = parent.get(field);
            return child instanceof ObjectNode o ? o : parent.putObject(field);
        }
    }
}
