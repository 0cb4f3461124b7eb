package dev.airlock.classify.http;

import static dev.airlock.classify.Severity.CATASTROPHIC;
import static dev.airlock.classify.Severity.DESTRUCTIVE;
import static dev.airlock.classify.Severity.SAFE;
import static dev.airlock.classify.http.GithubRest.destructive;
import static dev.airlock.classify.http.RestCatalog.rule;

import dev.airlock.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog entries for payments and application platforms: Stripe, Heroku, Vercel and Supabase
 * (management API and a project's own REST API); and the list of every REST provider. Sources are
 * listed in {@code docs/providers.md}.
 */
final class RestProviders {

  /** Every provider, infrastructure ones included, in the order hosts are tried. */
  static final List<RestCatalog.Provider> ALL = all();

  private RestProviders() {}

  private static List<RestCatalog.Provider> all() {
    List<RestCatalog.Provider> p = new ArrayList<>();
    p.add(GithubRest.provider());
    p.add(stripe());
    p.add(heroku());
    p.add(vercel());
    p.add(supabase());
    p.addAll(RestInfraProviders.all());
    return List.copyOf(p);
  }

  private static RestCatalog.Provider stripe() {
    String money = "moves real money; a payment or payout cannot be taken back by deleting it";
    return new RestCatalog.Provider(
        "stripe",
        "stripe-api",
        u -> u.host().equals("api.stripe.com") || u.host().equals("files.stripe.com"),
        "",
        List.of(
            destructive(
                "/v1/customers/{id}",
                "customer-delete",
                "Stripe customer {id}",
                "deletes Stripe customer {id} and cancels their subscriptions"),
            destructive(
                "/v1/subscriptions/{id}",
                "subscription-cancel",
                "Stripe subscription {id}",
                "cancels subscription {id} at once"),
            destructive(
                "/v1/subscription_items/{id}",
                "subscription-item-delete",
                "Stripe subscription item {id}",
                "removes an item from a live subscription"),
            destructive(
                "/v1/accounts/{id}",
                "account-delete",
                "Stripe account {id}",
                "deletes connected account {id}"),
            destructive(
                "/v1/{kind}/{id+}",
                "object-delete",
                "Stripe {kind} {id}",
                "deletes Stripe {kind} {id}"),
            rule("POST", "/v1/refunds", "refund-create", DESTRUCTIVE, "refund", "refunds", money),
            rule("POST", "/v1/payouts", "payout-create", DESTRUCTIVE, "payout", "payouts", money),
            rule(
                "POST",
                "/v1/transfers",
                "transfer-create",
                DESTRUCTIVE,
                "transfer",
                "transfers",
                money),
            rule("POST", "/v1/charges", "charge-create", DESTRUCTIVE, "charge", "charges", money),
            rule(
                "POST",
                "/v1/payment_intents/{id}/confirm",
                "payment-confirm",
                DESTRUCTIVE,
                "charge",
                "payment intent {id}",
                money),
            rule(
                "POST",
                "/v1/invoices/{id}/void",
                "invoice-void",
                DESTRUCTIVE,
                "void",
                "invoice {id}",
                "voids invoice {id}; a voided invoice cannot be reopened")));
  }

  private static RestCatalog.Provider heroku() {
    return new RestCatalog.Provider(
        "heroku",
        "heroku-api",
        u -> u.host().equals("api.heroku.com"),
        "",
        List.of(
            rule(
                    "DELETE",
                    "/apps/{app}",
                    "app-delete",
                    CATASTROPHIC,
                    "delete",
                    "Heroku app {app}",
                    "deletes Heroku app {app} with its add-ons, config and releases")
                .env("app"),
            rule(
                    "DELETE",
                    "/apps/{app}/addons/{addon}",
                    "addon-delete",
                    CATASTROPHIC,
                    "delete",
                    "add-on {addon} of {app}",
                    "deletes add-on {addon}; Heroku Postgres and Redis databases are add-ons, and"
                        + " their data goes with them")
                .env("app"),
            rule(
                "DELETE",
                "/addons/{addon}",
                "addon-delete",
                CATASTROPHIC,
                "delete",
                "add-on {addon}",
                "deletes add-on {addon}; databases are add-ons, and their data goes with them"),
            rule(
                "DELETE",
                "/spaces/{space}",
                "space-delete",
                CATASTROPHIC,
                "delete",
                "space {space}",
                "deletes private space {space}"),
            rule(
                    "DELETE",
                    "/apps/{app}/dynos",
                    "dyno-restart",
                    SAFE,
                    "restart",
                    "dynos of {app}",
                    "restarts every dyno of {app}; nothing is deleted")
                .env("app"),
            rule(
                    "DELETE",
                    "/apps/{app}/dynos/{dyno}",
                    "dyno-restart",
                    SAFE,
                    "restart",
                    "dyno {dyno} of {app}",
                    "restarts dyno {dyno} of {app}; nothing is deleted")
                .env("app"),
            rule(
                    "PATCH",
                    "/apps/{app}/config-vars",
                    "config-vars-update",
                    SAFE,
                    "write",
                    "config vars of {app}",
                    "sets config vars of {app}")
                .env("app")
                .refine(
                    (j, c, r) -> {
                      Json body = r.json();
                      if (r.problem() != null) {
                        return RestCatalog.unreadable(j, r, "whether it deletes variables");
                      }
                      if (body instanceof Json.Obj o && o.members().containsValue(Json.NULL)) {
                        return j.withSeverity(
                            DESTRUCTIVE, j.reason() + " and deletes those set to null");
                      }
                      return j;
                    }),
            rule(
                "POST",
                "/oauth/authorizations",
                "authorization-create",
                DESTRUCTIVE,
                "create-token",
                "OAuth authorizations",
                "creates an API token; creating API tokens is privilege escalation"),
            rule(
                    "POST",
                    "/apps/{app}/collaborators",
                    "collaborator-add",
                    DESTRUCTIVE,
                    "grant-access",
                    "collaborators of {app}",
                    "grants someone access to {app}")
                .env("app")));
  }

  private static RestCatalog.Provider vercel() {
    return new RestCatalog.Provider(
        "vercel",
        "vercel-api",
        u -> u.host().equals("api.vercel.com"),
        "",
        List.of(
            rule(
                    "DELETE",
                    "/v#/projects/{id}",
                    "project-delete",
                    CATASTROPHIC,
                    "delete",
                    "Vercel project {id}",
                    "deletes Vercel project {id} with its deployments, domains and environment"
                        + " variables")
                .env("id"),
            rule(
                "DELETE",
                "/v#/projects/{id}/env/{env}",
                "env-var-delete",
                DESTRUCTIVE,
                "delete",
                "environment variable {env} of {id}",
                "deletes an environment variable of project {id}"),
            rule(
                "DELETE",
                "/v#/projects/{id}/domains/{domain}",
                "domain-remove",
                DESTRUCTIVE,
                "remove",
                "domain {domain} of {id}",
                "removes domain {domain} from project {id}; its traffic stops"),
            rule(
                "DELETE",
                "/v#/deployments/{id}",
                "deployment-delete",
                DESTRUCTIVE,
                "delete",
                "deployment {id}",
                "deletes deployment {id}; if it is live, its URL stops serving"),
            rule(
                "DELETE",
                "/v#/now/deployments/{id}",
                "deployment-delete",
                DESTRUCTIVE,
                "delete",
                "deployment {id}",
                "deletes deployment {id}"),
            rule(
                "DELETE",
                "/v#/storage/stores/{id+}",
                "store-delete",
                CATASTROPHIC,
                "delete",
                "storage {id}",
                "deletes storage {id} (Blob, KV, Edge Config or database) with its data"),
            rule(
                "DELETE",
                "/v#/teams/{id}",
                "team-delete",
                CATASTROPHIC,
                "delete",
                "team {id}",
                "deletes team {id} with its projects"),
            rule(
                "POST",
                "/v#/user/tokens",
                "token-create",
                DESTRUCTIVE,
                "create-token",
                "user tokens",
                "creates an API token; creating API tokens is privilege escalation")));
  }

  private static RestCatalog.Provider supabase() {
    return new RestCatalog.Provider(
        "supabase",
        "supabase-api",
        u -> u.host().equals("api.supabase.com"),
        "",
        List.of(
            rule(
                    "DELETE",
                    "/v1/projects/{ref}",
                    "project-delete",
                    CATASTROPHIC,
                    "delete",
                    "Supabase project {ref}",
                    "deletes Supabase project {ref} with its database, storage and functions")
                .env("ref"),
            rule(
                "DELETE",
                "/v1/branches/{id}",
                "branch-delete",
                DESTRUCTIVE,
                "delete",
                "branch {id}",
                "deletes preview branch {id} and its database"),
            rule(
                "POST",
                "/v1/projects/{ref}/database/backups/{action+}",
                "backup-restore",
                DESTRUCTIVE,
                "restore",
                "database of {ref}",
                "restores the database of project {ref} from a backup, replacing what it holds"),
            rule(
                "POST",
                "/v1/projects/{ref}/pause",
                "project-pause",
                DESTRUCTIVE,
                "pause",
                "Supabase project {ref}",
                "pauses project {ref}; it stops serving"),
            rule(
                "POST",
                "/v1/projects/{ref}/api-keys",
                "api-key-create",
                DESTRUCTIVE,
                "create-token",
                "API keys of {ref}",
                "creates an API key; creating API tokens is privilege escalation")));
  }

  static RestCatalog.Provider supabaseProject() {
    return new RestCatalog.Provider(
        "supabase",
        "supabase-project-api",
        u -> u.host().endsWith(".supabase.co"),
        "",
        List.of(
            rule(
                    "DELETE",
                    "/rest/v1/{table}",
                    "rows-delete",
                    DESTRUCTIVE,
                    "delete",
                    "rows of table {table}",
                    "deletes the rows of {table} its filters match")
                .refine(
                    (j, c, r) ->
                        r.url.query().isEmpty()
                            ? j.withSeverity(
                                CATASTROPHIC,
                                j.reason() + "; it has no filter, so every row of the table")
                            : j),
            rule(
                    "PATCH",
                    "/rest/v1/{table}",
                    "rows-update",
                    SAFE,
                    "write",
                    "rows of table {table}",
                    "updates the rows of {table} its filters match")
                .refine(
                    (j, c, r) ->
                        r.url.query().isEmpty()
                            ? j.withSeverity(
                                DESTRUCTIVE, j.reason() + "; it has no filter, so every row")
                            : j),
            RestInfraProviders.del(
                "/storage/v1/bucket/{id}",
                "storage-bucket-delete",
                CATASTROPHIC,
                "storage bucket {id}",
                "deletes storage bucket {id}"),
            RestInfraProviders.del(
                "/storage/v1/object/{bucket}/{path+}",
                "storage-object-delete",
                DESTRUCTIVE,
                "object {bucket}/{path}",
                "deletes a stored object"),
            RestInfraProviders.del(
                "/auth/v1/admin/users/{id}",
                "user-delete",
                DESTRUCTIVE,
                "user {id}",
                "deletes auth user {id}")));
  }
}
