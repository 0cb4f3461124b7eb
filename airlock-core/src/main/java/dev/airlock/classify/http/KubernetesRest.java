package dev.airlock.classify.http;

import static dev.airlock.classify.Severity.CATASTROPHIC;
import static dev.airlock.classify.Severity.DESTRUCTIVE;
import static dev.airlock.classify.Severity.UNKNOWN;
import static dev.airlock.classify.http.RestCatalog.rule;
import static dev.airlock.classify.http.RestInfraProviders.del;

import java.util.List;
import java.util.Set;

/**
 * The Kubernetes API server, recognised by its paths ({@code /api/v1/namespaces/...}, {@code
 * /apis/{group}/{version}/...}) on any host: namespaces, persistent volumes and claims, custom
 * resource definitions and collections beyond repair; workloads and other objects destructive.
 */
final class KubernetesRest {

  private KubernetesRest() {}

  private static final Set<String> STATEFUL =
      Set.of("persistentvolumeclaims", "persistentvolumes", "secrets", "configmaps");

  static RestCatalog.Provider provider() {
    return new RestCatalog.Provider(
        "k8s",
        "kubernetes-api",
        KubernetesRest::kubernetesPath,
        "",
        List.of(
            del(
                    "/api/v1/namespaces/{ns}",
                    "namespace-delete",
                    CATASTROPHIC,
                    "namespace {ns}",
                    "deletes namespace {ns} and everything in it")
                .env("ns"),
            del(
                    "/api/v1/namespaces/{ns}/persistentvolumeclaims/{name}",
                    "pvc-delete",
                    CATASTROPHIC,
                    "persistent volume claim {name} in {ns}",
                    "deletes a persistent volume claim; with the usual Delete reclaim policy its"
                        + " volume and data go too")
                .env("ns"),
            del(
                "/api/v1/persistentvolumes/{name}",
                "pv-delete",
                CATASTROPHIC,
                "persistent volume {name}",
                "deletes a persistent volume and its data"),
            del(
                "/api/v1/persistentvolumes",
                "pv-deletecollection",
                CATASTROPHIC,
                "every persistent volume",
                "deletes every persistent volume of the cluster"),
            del(
                    "/api/v1/namespaces/{ns}/{kind}",
                    "deletecollection",
                    DESTRUCTIVE,
                    "every {kind} in {ns}",
                    "deletes every {kind} in namespace {ns}")
                .env("ns")
                .refine((j, c, r) -> collection(j, c.getOrDefault("kind", ""))),
            del(
                    "/apis/{group}/{version}/namespaces/{ns}/{kind}",
                    "deletecollection",
                    DESTRUCTIVE,
                    "every {kind} in {ns}",
                    "deletes every {kind} in namespace {ns}")
                .env("ns")
                .refine((j, c, r) -> collection(j, c.getOrDefault("kind", ""))),
            del(
                "/apis/apiextensions.k8s.io/{version}/customresourcedefinitions/{name}",
                "crd-delete",
                CATASTROPHIC,
                "custom resource definition {name}",
                "deletes a custom resource definition and every resource of its kind"),
            del(
                    "/api/v1/namespaces/{ns}/{kind}/{name}",
                    "resource-delete",
                    DESTRUCTIVE,
                    "{kind} {name} in {ns}",
                    "deletes {kind} {name}")
                .env("ns"),
            del(
                    "/apis/{group}/{version}/namespaces/{ns}/{kind}/{name}",
                    "workload-delete",
                    DESTRUCTIVE,
                    "{kind} {name} in {ns}",
                    "deletes {kind} {name}")
                .env("ns"),
            rule(
                    "POST|GET",
                    "/api/v1/namespaces/{ns}/pods/{pod}/exec",
                    "pod-exec",
                    UNKNOWN,
                    "exec",
                    "pod {pod} in {ns}",
                    "runs a command inside pod {pod}; what it does is not judged here")
                .env("ns"),
            del(
                "/api/v1/{kind}/{name}",
                "cluster-resource-delete",
                DESTRUCTIVE,
                "{kind} {name}",
                "deletes cluster-wide {kind} {name}"),
            del(
                "/apis/{group}/{version}/{kind}/{name}",
                "cluster-resource-delete",
                DESTRUCTIVE,
                "{kind} {name}",
                "deletes cluster-wide {kind} {name}")));
  }

  private static Judgment collection(Judgment j, String kind) {
    if (STATEFUL.contains(kind) || kind.equals("statefulsets") || kind.equals("deployments")) {
      return j.withSeverity(CATASTROPHIC, j.reason() + " at once");
    }
    return j;
  }

  private static final Set<String> CORE_KINDS =
      Set.of(
          "namespaces",
          "persistentvolumes",
          "persistentvolumeclaims",
          "nodes",
          "pods",
          "services",
          "secrets",
          "configmaps",
          "serviceaccounts",
          "endpoints",
          "events",
          "replicationcontrollers",
          "resourcequotas",
          "limitranges");

  private static boolean kubernetesPath(Url u) {
    List<String> s = u.segments();
    if (s.size() < 3) {
      return false;
    }
    String first = s.get(0);
    if (first.equals("api") && s.get(1).equals("v1")) {
      return CORE_KINDS.contains(s.get(2));
    }
    if (first.equals("apis") && s.size() >= 4) {
      String v = s.get(2);
      return v.length() > 1 && v.charAt(0) == 'v' && Character.isDigit(v.charAt(1));
    }
    return false;
  }
}
