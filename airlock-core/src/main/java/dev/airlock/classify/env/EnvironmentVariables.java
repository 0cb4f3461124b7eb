package dev.airlock.classify.env;

import dev.airlock.action.Environment;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Environment variables whose value says where a program acts: cloud profiles and projects ({@code
 * AWS_PROFILE}, {@code CLOUDSDK_CORE_PROJECT}), Terraform workspaces ({@code TF_WORKSPACE}), kube
 * configs and contexts ({@code KUBECONFIG}), database hosts and URLs ({@code PGHOST}, {@code
 * DATABASE_URL}) and application environments ({@code RAILS_ENV}, {@code NODE_ENV}). A shell that
 * sets one of them ({@code AWS_PROFILE=prod aws ...}, {@code export KUBECONFIG=...}) names the
 * environment outside the command's own arguments.
 *
 * <p>Names are recognised from a list and from suffixes ({@code _PROFILE}, {@code _HOST}, {@code
 * _URL}, {@code _ENV}, ...), compared in upper case. Other variables ({@code LANG}, {@code
 * GREETING}) name nothing, so their values are not read for markers.
 */
public final class EnvironmentVariables {

  private EnvironmentVariables() {}

  private static final Set<String> NAMES =
      Set.of(
          "AWS_VAULT",
          "KUBECONFIG",
          "CLOUDSDK_ACTIVE_CONFIG_NAME",
          "CLOUDSDK_CONFIG",
          "PGHOST",
          "PGHOSTADDR",
          "PGDATABASE",
          "PGSERVICE",
          "ENV",
          "ENVIRONMENT",
          "STAGE",
          "DJANGO_SETTINGS_MODULE",
          "SPRING_PROFILES_ACTIVE",
          "ANSIBLE_INVENTORY",
          "HEROKU_APP",
          "FLY_APP_NAME");

  private static final List<String> SUFFIXES =
      List.of(
          "_PROFILE",
          "_WORKSPACE",
          "_PROJECT",
          "_CONTEXT",
          "_KUBECONTEXT",
          "_NAMESPACE",
          "_CLUSTER",
          "_HOST",
          "_ADDR",
          "_URL",
          "_URI",
          "_DSN",
          "_ENDPOINT",
          "_SERVER",
          "_DATABASE",
          "_DB",
          "_ENV",
          "_ENVIRONMENT",
          "_STAGE",
          "_STACK",
          "_APP",
          "_ACCOUNT",
          "_SUBSCRIPTION");

  /** Whether the variable's value names a target or an environment. */
  public static boolean namesTarget(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (NAMES.contains(n)) {
      return true;
    }
    for (String s : SUFFIXES) {
      if (n.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The environment marked by setting {@code name} to {@code value}; {@link Environment#UNKNOWN}
   * when the variable names no target or the value carries no marker.
   */
  public static Environment of(String name, String value) {
    return namesTarget(name) ? EnvironmentMarkers.of(value) : Environment.UNKNOWN;
  }
}
