package io.clientele.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kustomization in deploy/k8s builds with {@code kubectl kustomize} (offline, kubectl from Debian), and
 * what it builds is valid Kubernetes: each object read into the Kubernetes object model (fabric8), with no
 * field the model does not know (a misspelt or misplaced field is silently ignored by the API server's
 * lenient decoding, so it is looked for here), and deployable as ops expect it: probes, resources, a
 * non-root pod, an autoscaler and a disruption budget per service, and no secret value in the repository.
 */
class KubernetesManifestsTest {

    static final Path K8S = Commands.ROOT.resolve("deploy/k8s");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|API_KEY|TOKEN|CREDENTIAL).*");

    static List<String> kustomizations() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S)) {
            List<String> found = new ArrayList<>(dirs.filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> K8S.relativize(dir).toString()).sorted().toList());
            found.add("."); // the whole system
            return found;
        }
    }

    static List<String> services() throws IOException {
        return kustomizations().stream().filter(dir -> !dir.equals(".")).toList();
    }

    static List<HasMetadata> build(String dir) throws IOException, InterruptedException {
        Commands.Result built = Commands.run(Map.of(), "kubectl", "kustomize", "deploy/k8s/" + dir);
        assertThat(built.exit()).as("kubectl kustomize deploy/k8s/%s: %s", dir, built.err()).isZero();
        Object read = new KubernetesSerialization().unmarshal(built.out());
        List<HasMetadata> objects = new ArrayList<>();
        if (read instanceof KubernetesResourceList<?> list) {
            list.getItems().forEach(objects::add);
        } else if (read instanceof Collection<?> many) {
            many.forEach(item -> objects.add((HasMetadata) item));
        } else {
            objects.add((HasMetadata) read);
        }
        return objects;
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyKustomizationBuildsIntoObjectsTheKubernetesModelReadsWhole(String dir) throws Exception {
        List<HasMetadata> objects = build(dir);

        assertThat(objects).isNotEmpty();
        for (HasMetadata object : objects) {
            String name = object.getKind() + "/" + object.getMetadata().getName();
            assertThat(object).as(name + " is of a kind the Kubernetes API does not have")
                    .isNotInstanceOf(GenericKubernetesResource.class);
            List<String> unknown = new ArrayList<>();
            unknownFields(object, name, unknown);
            assertThat(unknown).as("fields Kubernetes does not know").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceDeploysOnItsOwnWithProbesResourcesAutoscalingAndADisruptionBudget(String dir) throws Exception {
        List<HasMetadata> objects = build(dir);
        List<Deployment> deployments = of(objects, Deployment.class);

        assertThat(deployments).as(dir + " deployments").isNotEmpty();
        assertThat(of(objects, Service.class)).as(dir + " services").isNotEmpty();
        assertThat(of(objects, Secret.class)).as("secrets are created by ops, never committed").isEmpty();
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runs as non-root").isTrue();
            for (Container container : pod.getContainers()) {
                String where = name + "/" + container.getName();
                assertThat(container.getReadinessProbe()).as(where + " readiness probe").isNotNull();
                assertThat(container.getLivenessProbe()).as(where + " liveness probe").isNotNull();
                assertThat(container.getResources().getRequests()).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(where + " limits").containsKey("memory");
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(where).isFalse();
                for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    if (SECRET_NAME.matcher(env.getName()).matches()) {
                        assertThat(env.getValue()).as(where + " " + env.getName() + " must come from a Secret").isNull();
                    }
                }
            }
        }
        // The service's own Deployment scales by its autoscaler, which also guards against a too-eager drain.
        Deployment own = deployments.stream().filter(d -> d.getMetadata().getName().equals(dir)).findFirst().orElseThrow();
        assertThat(own.getSpec().getReplicas()).as("replicas belong to the autoscaler; an apply must not reset them")
                .isNull();
        assertThat(of(objects, HorizontalPodAutoscaler.class))
                .anySatisfy(hpa -> assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(dir));
        assertThat(of(objects, PodDisruptionBudget.class)).anySatisfy(pdb -> assertThat(
                pdb.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", dir));
        for (ConfigMap config : of(objects, ConfigMap.class)) {
            assertThat(config.getData().keySet()).as("secret-looking settings in " + config.getMetadata().getName())
                    .noneMatch(key -> SECRET_NAME.matcher(key).matches() && !key.endsWith("_FILE"));
        }
    }

    @Test
    void theWholeSystemIsEveryServicesKustomization() throws Exception {
        List<String> names = build(".").stream().filter(Deployment.class::isInstance)
                .map(d -> d.getMetadata().getName()).toList();

        assertThat(names).containsAll(services());
    }

    private static <T> List<T> of(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Walks the object model: a field it could not place ends in an object's additionalProperties. */
    private static void unknownFields(Object node, String path, List<String> unknown)
            throws IllegalAccessException, InvocationTargetException {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), unknown);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(value, path + "." + field, unknown);
        }
    }
}
