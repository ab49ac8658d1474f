package pe.cardumen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.model.MonitoringThresholds;

/**
 * {@code packaging/kubernetes/serve}: every manifest parses, is created on fabric8's mock API server in
 * CRUD mode and read back unchanged; the kustomization lists them all; the probes are routes the server
 * has, on the port the image exposes; the image is the one {@code build-container.sh} tags; the CronJob
 * runs {@code models monitor} on the ConfigMap's thresholds, which the PrometheusRule repeats.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesManifestsTest {
    static KubernetesClient client;
    static final Path DIR = TestData.sampleData().getParent().resolve("packaging/kubernetes/serve");
    static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING); // one INFO line per request otherwise
    }

    static List<HasMetadata> manifests() throws Exception {
        List<HasMetadata> all = new ArrayList<>();
        for (String file : kustomizationResources()) {
            try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
                List<HasMetadata> items = client.load(in).items();
                assertThat(items).as(file).isNotEmpty();
                all.addAll(items);
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static List<String> kustomizationResources() throws Exception {
        Map<String, Object> k = Serialization.unmarshal(Files.readString(DIR.resolve("kustomization.yaml")), Map.class);
        return (List<String>) k.get("resources");
    }

    static String version() throws Exception {
        Properties p = new Properties();
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/pe/cardumen/version.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }

    static CustomResourceDefinition crd(String group, String kind, String plural) {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + "." + group).endMetadata()
                .withNewSpec().withGroup(group).withScope("Namespaced")
                .withNewNames().withKind(kind).withPlural(plural).withSingular(kind.toLowerCase(java.util.Locale.ROOT)).endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true).endVersion().endSpec().build();
    }

    @Test
    void everyManifestIsListedCreatedAndReadBack() throws Exception {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> yaml = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).sorted().toList();
            assertThat(kustomizationResources()).containsExactlyInAnyOrderElementsOf(yaml);
        }
        // the Prometheus Operator's kinds are custom resources: their definitions come first, as on a cluster with the operator
        client.apiextensions().v1().customResourceDefinitions().resource(crd("monitoring.coreos.com", "ServiceMonitor", "servicemonitors")).create();
        client.apiextensions().v1().customResourceDefinitions().resource(crd("monitoring.coreos.com", "PrometheusRule", "prometheusrules")).create();
        List<HasMetadata> items = manifests();
        assertThat(items).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("Namespace", "PersistentVolumeClaim", "ConfigMap",
                "Deployment", "Service", "CronJob", "ServiceMonitor", "PrometheusRule");
        for (HasMetadata item : items) {
            HasMetadata created = client.resource(item).create();
            assertThat(created.getMetadata().getUid()).as(item.getKind()).isNotBlank();
            HasMetadata back = client.resource(item).get();
            assertThat(back).as(item.getKind() + " read back").isNotNull();
            JsonNode sent = JSON.valueToTree(item);
            JsonNode got = JSON.valueToTree(back);
            for (String part : List.of("spec", "data")) {
                assertThat(got.path(part)).as(item.getKind() + " " + part).isEqualTo(sent.path(part));
            }
            if (!item.getKind().equals("Namespace")) {
                assertThat(back.getMetadata().getNamespace()).as(item.getKind()).isEqualTo("cardumen");
            }
        }
        assertThat(client.apps().deployments().inNamespace("cardumen").withName("cardumen-serve").get().getSpec().getReplicas()).isEqualTo(1);
        assertThat(client.genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule").inNamespace("cardumen").list().getItems()).hasSize(1);
    }

    @Test
    void probesPortsImageAndSecurityMatchTheServerAndTheBuild() throws Exception {
        List<HasMetadata> items = manifests();
        Deployment d = (Deployment) items.stream().filter(i -> i instanceof Deployment).findFirst().orElseThrow();
        Container serve = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        JsonNode routes = JSON.readTree(OpenApi.document()).path("paths");
        assertThat(routes.has(serve.getLivenessProbe().getHttpGet().getPath())).as("liveness path is a route").isTrue();
        assertThat(serve.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(serve.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
        assertThat(routes.has("/ready")).isTrue();
        String containerfile = Files.readString(DIR.getParent().getParent().resolve("container/Containerfile"));
        int port = serve.getPorts().get(0).getContainerPort();
        assertThat(containerfile).contains("EXPOSE " + port).contains("http://127.0.0.1:" + port + "/health");
        assertThat(serve.getArgs()).containsSequence("--port", String.valueOf(port)).containsSequence("--bind", "0.0.0.0")
                .contains("--token-file");
        String tokenFile = serve.getArgs().get(serve.getArgs().indexOf("--token-file") + 1);
        assertThat(serve.getVolumeMounts()).anyMatch(m -> tokenFile.startsWith(m.getMountPath() + "/") && m.getName().equals("token"));
        assertThat(d.getSpec().getTemplate().getSpec().getVolumes()).anyMatch(v -> v.getName().equals("token") && v.getSecret() != null);
        // the image: the name and tag packaging/build-container.sh gives it, in every container and in the kustomization
        String image = "localhost/cardumen-serve:" + version();
        assertThat(Files.readString(DIR.getParent().getParent().resolve("build-container.sh"))).contains("image=\"localhost/cardumen-serve:$version\"");
        CronJob cron = (CronJob) items.stream().filter(i -> i instanceof CronJob).findFirst().orElseThrow();
        List<Container> all = new ArrayList<>(d.getSpec().getTemplate().getSpec().getContainers());
        all.addAll(d.getSpec().getTemplate().getSpec().getInitContainers());
        all.addAll(cron.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers());
        assertThat(all).extracting(Container::getImage).containsOnly(image);
        assertThat(Files.readString(DIR.resolve("kustomization.yaml"))).contains("newTag: " + version());
        for (Container c : all) {
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(c.getName()).isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
        }
        assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(containerfile).contains("USER 10001:10001");
        assertThat(serve.getResources().getLimits()).containsKeys("cpu", "memory");
        // TensorFlow's natives go to the persistent volume (unpacked by the first pod, reused by the next), in the launcher's variable
        assertThat(Files.readString(DIR.getParent().getParent().resolve("container/cardumen"))).contains("${CARDUMEN_CACHE:-");
        for (var c : List.of(serve, cron.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0))) {
            String cache = c.getEnv().stream().filter(e -> e.getName().equals("CARDUMEN_CACHE")).findFirst().orElseThrow().getValue();
            var mount = c.getVolumeMounts().stream().filter(m -> cache.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
            var volumes = c == serve ? d.getSpec().getTemplate().getSpec().getVolumes() : cron.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getVolumes();
            assertThat(volumes).as(c.getName()).anyMatch(v -> v.getName().equals(mount.getName()) && v.getPersistentVolumeClaim() != null);
        }
    }

    @Test
    void theNightlyMonitorAndTheAlertRulesUseTheConfigMapsThresholds() throws Exception {
        List<HasMetadata> items = manifests();
        CronJob cron = (CronJob) items.stream().filter(i -> i instanceof CronJob).findFirst().orElseThrow();
        Container monitor = cron.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(monitor.getArgs()).startsWith("models", "monitor").contains("--workspace", "--thresholds");
        MonitoringThresholds t = thresholds(items, monitor, cron.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getVolumes());
        // the server scores surveys imported over HTTP on the same file
        Deployment d = (Deployment) items.stream().filter(i -> i instanceof Deployment).findFirst().orElseThrow();
        Container serve = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(thresholds(items, serve, d.getSpec().getTemplate().getSpec().getVolumes())).isEqualTo(t);
        // the CLI's own test of models monitor fixes exit 3 as the alert; here the job must not retry it away
        assertThat(cron.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isZero();
        assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");

        GenericKubernetesResource rule = (GenericKubernetesResource) items.stream().filter(i -> i.getKind().equals("PrometheusRule")).findFirst().orElseThrow();
        JsonNode rules = JSON.valueToTree(rule.getAdditionalProperties().get("spec")).path("groups").get(0).path("rules");
        Map<String, String> expr = new java.util.HashMap<>();
        rules.forEach(r -> expr.put(r.path("alert").asText(), r.path("expr").asText()));
        assertThat(expr.get("CardumenModelAlert")).contains("cardumen_alert").contains("== 1");
        assertThat(number(expr.get("CardumenModelRmseHigh"), "cardumen_monitoring_rmse\\) > ")).isEqualTo(t.rmseMax());
        assertThat(number(expr.get("CardumenModelCoverageLow"), "cardumen_monitoring_coverage\\) < ")).isEqualTo(t.coverageMin());
    }

    static double number(String expr, String before) {
        Matcher m = Pattern.compile(before + "([0-9.]+)").matcher(expr);
        assertThat(m.find()).as(expr).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The thresholds a container's {@code --thresholds} file holds, read through its mount from the ConfigMap it names. */
    private static MonitoringThresholds thresholds(List<HasMetadata> items, Container c, List<io.fabric8.kubernetes.api.model.Volume> volumes)
            throws Exception {
        assertThat(c.getArgs()).as(c.getName()).contains("--thresholds");
        String thresholdsFile = c.getArgs().get(c.getArgs().indexOf("--thresholds") + 1);
        var mount = c.getVolumeMounts().stream().filter(m -> thresholdsFile.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
        var volume = volumes.stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        var configMap = (io.fabric8.kubernetes.api.model.ConfigMap) items.stream()
                .filter(i -> i.getKind().equals("ConfigMap") && i.getMetadata().getName().equals(volume.getConfigMap().getName())).findFirst().orElseThrow();
        String key = thresholdsFile.substring(mount.getMountPath().length() + 1);
        Path file = TestData.tempDir("k8s").resolve(key);
        Files.writeString(file, configMap.getData().get(key));
        return MonitoringThresholds.load(file);
    }
}
