package dev.airlock.classify.http;

import static dev.airlock.classify.Severity.CATASTROPHIC;
import static dev.airlock.classify.Severity.DESTRUCTIVE;
import static dev.airlock.classify.Severity.SAFE;
import static dev.airlock.classify.http.RestCatalog.rule;

import dev.airlock.classify.Severity;
import dev.airlock.json.Json;
import java.util.List;

/**
 * Catalog entries for infrastructure APIs: DigitalOcean, Cloudflare, Fly Machines, Render, Netlify,
 * a Supabase project's own REST API, and the Kubernetes API server. Sources are listed in {@code
 * docs/providers.md}.
 */
final class RestInfraProviders {

  private RestInfraProviders() {}

  static List<RestCatalog.Provider> all() {
    return List.of(
        digitalOcean(),
        cloudflare(),
        fly(),
        render(),
        netlify(),
        RestProviders.supabaseProject(),
        KubernetesRest.provider());
  }

  static RestCatalog.Rule del(
      String path, String rule, Severity severity, String resource, String reason) {
    return rule("DELETE", path, rule, severity, "delete", resource, reason);
  }

  private static RestCatalog.Provider digitalOcean() {
    return new RestCatalog.Provider(
        "digitalocean",
        "digitalocean-api",
        u -> u.host().equals("api.digitalocean.com"),
        "",
        List.of(
            del(
                "/v2/droplets/{id}",
                "droplet-delete",
                CATASTROPHIC,
                "droplet {id}",
                "destroys droplet {id} and its disk"),
            del(
                "/v2/droplets",
                "droplets-delete",
                CATASTROPHIC,
                "droplets by tag",
                "destroys every droplet with the given tag, disks included"),
            del(
                "/v2/volumes/{id}",
                "volume-delete",
                CATASTROPHIC,
                "volume {id}",
                "deletes block storage volume {id} and its data"),
            del(
                "/v2/volumes",
                "volume-delete",
                CATASTROPHIC,
                "volume by name",
                "deletes a block storage volume and its data"),
            del(
                "/v2/databases/{id}",
                "database-delete",
                CATASTROPHIC,
                "database cluster {id}",
                "destroys database cluster {id} with every database in it"),
            del(
                "/v2/databases/{id}/dbs/{db}",
                "database-drop",
                CATASTROPHIC,
                "database {db} in {id}",
                "drops database {db}"),
            del(
                "/v2/databases/{id}/{kind}/{name}",
                "database-item-delete",
                DESTRUCTIVE,
                "{kind} {name} of database cluster {id}",
                "deletes {kind} {name}"),
            del(
                "/v2/kubernetes/clusters/{id}",
                "cluster-delete",
                CATASTROPHIC,
                "Kubernetes cluster {id}",
                "deletes Kubernetes cluster {id}"),
            del(
                "/v2/kubernetes/clusters/{id}/destroy_with_associated_resources/{how+}",
                "cluster-delete",
                CATASTROPHIC,
                "Kubernetes cluster {id}",
                "deletes Kubernetes cluster {id} with its volumes and load balancers"),
            del(
                "/v2/kubernetes/clusters/{id}/node_pools/{pool}",
                "node-pool-delete",
                DESTRUCTIVE,
                "node pool {pool}",
                "deletes node pool {pool} and its nodes"),
            del(
                "/v2/apps/{id}",
                "app-delete",
                CATASTROPHIC,
                "app {id}",
                "deletes App Platform app {id}"),
            del(
                "/v2/snapshots/{id}",
                "snapshot-delete",
                CATASTROPHIC,
                "snapshot {id}",
                "deletes snapshot {id}; a snapshot is a backup"),
            del(
                "/v2/registry",
                "registry-delete",
                CATASTROPHIC,
                "container registry",
                "deletes the container registry with every image in it"),
            rule(
                    "POST",
                    "/v2/{kind}/{id}/actions",
                    "action",
                    SAFE,
                    "write",
                    "{kind} {id}",
                    "runs an action on {kind} {id}")
                .refine(
                    (j, c, r) -> {
                      Json type = r.member("type");
                      if (r.problem() != null) {
                        return RestCatalog.unreadable(j, r, "which action it runs");
                      }
                      String t = type instanceof Json.Str(String s) ? s : "";
                      Severity sev =
                          switch (t) {
                            case "rebuild" -> CATASTROPHIC;
                            case "restore",
                                "power_off",
                                "shutdown",
                                "password_reset",
                                "detach",
                                "resize" ->
                                DESTRUCTIVE;
                            default -> SAFE;
                          };
                      return sev == SAFE
                          ? j
                          : new Judgment(
                              "http.rest.digitalocean.action-" + t.replace('_', '-'),
                              j.program(),
                              t,
                              j.resource(),
                              sev,
                              j.access(),
                              j.environment(),
                              j.reason()
                                  + " of type "
                                  + t
                                  + (sev == CATASTROPHIC ? ", which wipes the disk" : ""));
                    }),
            del(
                "/v2/{kind}/{id+}",
                "resource-delete",
                DESTRUCTIVE,
                "{kind} {id}",
                "deletes {kind} {id}")));
  }

  private static RestCatalog.Provider cloudflare() {
    return new RestCatalog.Provider(
        "cloudflare",
        "cloudflare-api",
        u -> u.host().equals("api.cloudflare.com"),
        "client/v4",
        List.of(
            del(
                "/zones/{zone}",
                "zone-delete",
                CATASTROPHIC,
                "zone {zone}",
                "deletes zone {zone}: every DNS record and setting of the domain"),
            del(
                "/zones/{zone}/dns_records/{id}",
                "dns-record-delete",
                DESTRUCTIVE,
                "DNS record {id}",
                "deletes a DNS record; names it served stop resolving"),
            rule(
                "POST",
                "/zones/{zone}/purge_cache",
                "cache-purge",
                SAFE,
                "purge-cache",
                "cache of zone {zone}",
                "purges cached content; it is fetched again from the origin"),
            del(
                "/accounts/{acct}/workers/scripts/{name}",
                "worker-delete",
                DESTRUCTIVE,
                "Worker {name}",
                "deletes Worker {name}; its routes stop serving"),
            del(
                "/accounts/{acct}/r2/buckets/{name}",
                "r2-bucket-delete",
                CATASTROPHIC,
                "R2 bucket {name}",
                "deletes R2 bucket {name}"),
            del(
                "/accounts/{acct}/d1/database/{id}",
                "d1-delete",
                CATASTROPHIC,
                "D1 database {id}",
                "deletes D1 database {id} and its data"),
            del(
                "/accounts/{acct}/storage/kv/namespaces/{id}",
                "kv-namespace-delete",
                CATASTROPHIC,
                "KV namespace {id}",
                "deletes KV namespace {id} with every key"),
            del(
                "/accounts/{acct}/storage/kv/namespaces/{id}/bulk",
                "kv-bulk-delete",
                DESTRUCTIVE,
                "keys of KV namespace {id}",
                "deletes many keys at once"),
            del(
                "/accounts/{acct}/pages/projects/{name}",
                "pages-project-delete",
                CATASTROPHIC,
                "Pages project {name}",
                "deletes Pages project {name} with its deployments"),
            rule(
                "POST",
                "/user/tokens",
                "token-create",
                DESTRUCTIVE,
                "create-token",
                "API tokens",
                "creates an API token; creating API tokens is privilege escalation"),
            rule(
                "POST",
                "/accounts/{acct}/tokens",
                "token-create",
                DESTRUCTIVE,
                "create-token",
                "account API tokens",
                "creates an account API token; creating API tokens is privilege escalation")));
  }

  private static RestCatalog.Provider fly() {
    return new RestCatalog.Provider(
        "fly",
        "fly-machines-api",
        u -> u.host().equals("api.machines.dev") || u.host().equals("_api.internal"),
        "v1",
        List.of(
            del(
                    "/apps/{app}",
                    "app-delete",
                    CATASTROPHIC,
                    "Fly app {app}",
                    "deletes Fly app {app} with its machines and volumes")
                .env("app"),
            del(
                    "/apps/{app}/volumes/{id}",
                    "volume-delete",
                    CATASTROPHIC,
                    "volume {id} of {app}",
                    "deletes volume {id} and its data")
                .env("app"),
            del(
                    "/apps/{app}/machines/{id}",
                    "machine-delete",
                    DESTRUCTIVE,
                    "machine {id} of {app}",
                    "destroys machine {id}")
                .env("app"),
            rule(
                    "POST",
                    "/apps/{app}/machines/{id}/stop",
                    "machine-stop",
                    DESTRUCTIVE,
                    "stop",
                    "machine {id} of {app}",
                    "stops machine {id}; it serves nothing until started")
                .env("app")));
  }

  private static RestCatalog.Provider render() {
    return new RestCatalog.Provider(
        "render",
        "render-api",
        u -> u.host().equals("api.render.com"),
        "v1",
        List.of(
            del(
                "/services/{id}",
                "service-delete",
                CATASTROPHIC,
                "Render service {id}",
                "deletes service {id} with its deploys and disk"),
            del(
                "/postgres/{id}",
                "postgres-delete",
                CATASTROPHIC,
                "Render Postgres {id}",
                "deletes database {id} and its data"),
            del(
                "/redis/{id}",
                "redis-delete",
                CATASTROPHIC,
                "Render Redis {id}",
                "deletes Redis instance {id} and its data"),
            del(
                "/key-value/{id}",
                "key-value-delete",
                CATASTROPHIC,
                "Render Key Value {id}",
                "deletes Key Value instance {id} and its data"),
            del(
                "/disks/{id}",
                "disk-delete",
                CATASTROPHIC,
                "disk {id}",
                "deletes persistent disk {id} and its data"),
            rule(
                "PUT",
                "/services/{id}/env-vars",
                "env-vars-replace",
                DESTRUCTIVE,
                "replace",
                "environment variables of {id}",
                "replaces every environment variable of service {id}; those left out are"
                    + " deleted"),
            rule(
                "POST",
                "/services/{id}/suspend",
                "service-suspend",
                DESTRUCTIVE,
                "suspend",
                "Render service {id}",
                "suspends service {id}; it stops serving")));
  }

  private static RestCatalog.Provider netlify() {
    return new RestCatalog.Provider(
        "netlify",
        "netlify-api",
        u -> u.host().equals("api.netlify.com"),
        "api/v1",
        List.of(
            del(
                "/sites/{id}",
                "site-delete",
                CATASTROPHIC,
                "Netlify site {id}",
                "deletes site {id} with its deploys, forms and functions"),
            del(
                "/dns_zones/{id}",
                "dns-zone-delete",
                CATASTROPHIC,
                "DNS zone {id}",
                "deletes DNS zone {id} and every record in it"),
            del(
                "/deploys/{id}",
                "deploy-delete",
                DESTRUCTIVE,
                "deploy {id}",
                "deletes deploy {id}"),
            rule(
                "POST",
                "/deploy_keys",
                "deploy-key-create",
                DESTRUCTIVE,
                "create-token",
                "deploy keys",
                "creates a deploy key; creating credentials is privilege escalation")));
  }
}
