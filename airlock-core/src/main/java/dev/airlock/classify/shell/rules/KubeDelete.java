package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl delete} and Kubernetes resource names. Deleting a namespace, a persistent volume
 * (claim) or a custom resource definition is catastrophic (with it go the data or every object of
 * the kind); {@code --all}, or any delete across every namespace, is catastrophic; a label selector
 * is destructive; a named workload, service, secret or config map is destructive; a named pod is a
 * safe write because its controller recreates it (forced with a zero grace period it is
 * destructive). Objects deleted from a file Airlock cannot see are destructive.
 */
final class KubeDelete {

  private KubeDelete() {}

  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("ns", "namespace"),
          Map.entry("namespaces", "namespace"),
          Map.entry("project", "namespace"),
          Map.entry("projects", "namespace"),
          Map.entry("pvc", "pvc"),
          Map.entry("persistentvolumeclaim", "pvc"),
          Map.entry("persistentvolumeclaims", "pvc"),
          Map.entry("pv", "pv"),
          Map.entry("persistentvolume", "pv"),
          Map.entry("persistentvolumes", "pv"),
          Map.entry("crd", "crd"),
          Map.entry("crds", "crd"),
          Map.entry("customresourcedefinition", "crd"),
          Map.entry("customresourcedefinitions", "crd"),
          Map.entry("po", "pod"),
          Map.entry("pods", "pod"),
          Map.entry("deploy", "deployment"),
          Map.entry("deployments", "deployment"),
          Map.entry("sts", "statefulset"),
          Map.entry("statefulsets", "statefulset"),
          Map.entry("ds", "daemonset"),
          Map.entry("daemonsets", "daemonset"),
          Map.entry("svc", "service"),
          Map.entry("services", "service"),
          Map.entry("secrets", "secret"),
          Map.entry("cm", "configmap"),
          Map.entry("configmaps", "configmap"),
          Map.entry("rs", "replicaset"),
          Map.entry("replicasets", "replicaset"),
          Map.entry("jobs", "job"),
          Map.entry("cj", "cronjob"),
          Map.entry("cronjobs", "cronjob"),
          Map.entry("ing", "ingress"),
          Map.entry("ingresses", "ingress"),
          Map.entry("sa", "serviceaccount"),
          Map.entry("serviceaccounts", "serviceaccount"),
          Map.entry("no", "node"),
          Map.entry("nodes", "node"),
          Map.entry("ev", "event"),
          Map.entry("events", "event"),
          Map.entry("sc", "storageclass"),
          Map.entry("storageclasses", "storageclass"),
          Map.entry("vs", "volumesnapshot"),
          Map.entry("volumesnapshots", "volumesnapshot"),
          Map.entry("hpa", "hpa"),
          Map.entry("horizontalpodautoscalers", "hpa"),
          Map.entry("netpol", "networkpolicy"),
          Map.entry("networkpolicies", "networkpolicy"),
          Map.entry("pdb", "pdb"),
          Map.entry("poddisruptionbudgets", "pdb"));

  /**
   * The canonical kind of a resource type as kubectl accepts it ({@code deploy.apps} is
   * deployment).
   */
  static String kind(String type) {
    String t = Reporter.lower(type);
    int dot = t.indexOf('.');
    if (dot > 0) {
      t = t.substring(0, dot);
    }
    return KINDS.getOrDefault(t, t);
  }

  /** Kinds whose deletion takes data or every object of a kind with it. */
  static boolean dataKind(String kind) {
    return kind.equals("namespace")
        || kind.equals("pvc")
        || kind.equals("pv")
        || kind.equals("crd");
  }

  /** Resource types and names: {@code TYPE NAME...}, {@code TYPE/NAME...}, {@code T1,T2 NAME}. */
  record Target(String kind, List<String> names) {}

  static List<Target> targets(List<Arg> operands) {
    List<Target> out = new ArrayList<>();
    if (operands.isEmpty()) {
      return out;
    }
    String first = operands.get(0).value();
    if (first.indexOf('/') > 0) {
      for (Arg a : operands) {
        String v = a.value();
        int slash = v.indexOf('/');
        out.add(
            new Target(
                kind(slash > 0 ? v.substring(0, slash) : v),
                List.of(slash > 0 ? v.substring(slash + 1) : "")));
      }
      return out;
    }
    List<String> names = new ArrayList<>();
    for (Arg a : operands.subList(1, operands.size())) {
      names.add(a.value());
    }
    for (String t : first.split(",")) {
      out.add(new Target(kind(t), names));
    }
    return out;
  }

  static void judge(Reporter r, ArgView v, List<Arg> operands, String ns, String cli) {
    if (v.flag("--dry-run") && !"none".equals(Cli.value(v.value("--dry-run")))) {
      r.read(
          "delete-dry-run",
          "delete",
          "",
          cli + " delete --dry-run only shows what it would delete");
      return;
    }
    boolean allNs = v.flag("-A", "--all-namespaces");
    boolean all = v.flag("--all");
    String selector = Cli.value(v.value("-l", "--selector"));
    if (selector == null) {
      selector = Cli.value(v.value("--field-selector"));
    }
    String where = allNs ? "every namespace" : "namespace " + ns;
    for (Arg f : v.values("-f", "--filename", "-k", "--kustomize")) {
      r.mark(f.value());
      fromFile(r, f.value(), where, cli);
    }
    for (Target t : targets(operands)) {
      String k = t.kind();
      boolean named = !t.names().isEmpty();
      String what;
      Severity sev;
      String why;
      if (named && !all) {
        String list = String.join(", ", t.names());
        what =
            k.equals("namespace")
                ? "namespace " + list
                : k
                    + " "
                    + list
                    + (k.equals("pv") || k.equals("crd") || k.equals("node") ? "" : " in " + where);
        if (k.equals("namespace")) {
          r.mark(list);
        }
      } else if (all || selector == null) {
        if (!all && selector == null) {
          r.read(
              "delete-nothing",
              "delete",
              "",
              cli + " delete " + k + " without names, --all or a selector deletes nothing");
          continue;
        }
        what = "every " + k + " in " + where;
      } else {
        what = "every " + k + " matching " + selector + " in " + where;
      }
      if (dataKind(k)) {
        sev = Severity.CATASTROPHIC;
        why =
            switch (k) {
              case "namespace" ->
                  "deletes "
                      + what
                      + " with every object in it: workloads, secrets, volume claims and their data";
              case "crd" ->
                  "deletes "
                      + what
                      + " and with it every custom resource of that kind in the cluster";
              default ->
                  "deletes "
                      + what
                      + "; the volume's data goes with it unless its reclaim policy is Retain";
            };
      } else if (allNs || all && !k.equals("pod") && !k.equals("event")) {
        sev = Severity.CATASTROPHIC;
        why = "deletes " + what + " at once";
      } else if (k.equals("event")) {
        sev = Severity.SAFE;
        why = "deletes events, which are only a record";
      } else if (k.equals("pod") && named && selector == null && !all) {
        boolean forced = v.flag("--force") && "0".equals(Cli.value(v.value("--grace-period")));
        sev = forced ? Severity.DESTRUCTIVE : Severity.SAFE;
        why =
            forced
                ? "force-deletes "
                    + what
                    + " without waiting for it to stop: data being written can be lost and a stateful pod can run twice"
                : "deletes " + what + "; a controller recreates it (a bare pod would be gone)";
      } else {
        sev = Severity.DESTRUCTIVE;
        why =
            "deletes "
                + what
                + (k.equals("statefulset")
                    ? "; its volume claims are kept unless its retention policy says otherwise"
                    : "");
      }
      String rule =
          dataKind(k)
              ? k
              : all || allNs
                  ? "all"
                  : selector != null && !named ? "selector" : k.equals("pod") ? "pod" : "object";
      r.add("delete-" + rule, "delete", what, sev, why);
    }
  }

  private static void fromFile(Reporter r, String file, String where, String cli) {
    Invocation.Input in = r.invocation().input();
    if (file.equals("-") && in != null && DatabaseCliRules.literal(in)) {
      String text = in.text();
      String found = null;
      for (String line : text.split("\n")) {
        String t = line.strip();
        if (t.startsWith("kind:")) {
          String k = kind(t.substring(5).strip());
          if (dataKind(k)) {
            found = k;
          }
        }
      }
      if (found != null) {
        r.add(
            "delete-" + found,
            "delete",
            found + " defined on standard input",
            Severity.CATASTROPHIC,
            "deletes the objects in the manifest, including a "
                + found
                + ", with the data or objects it holds");
        return;
      }
      r.add(
          "delete-file",
          "delete",
          "objects defined on standard input in " + where,
          Severity.DESTRUCTIVE,
          "deletes every object defined in the manifest on standard input");
      return;
    }
    r.add(
        "delete-file",
        "delete",
        "objects defined in " + file,
        Severity.DESTRUCTIVE,
        cli + " delete -f deletes every object defined in " + file + ", which Airlock cannot see");
  }
}
