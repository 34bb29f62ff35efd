// Validates every object of multi-document YAML files against the schema of its apiVersion and kind, and
// fails on any error or on a kind it has no schema for (so nothing passes unchecked).
// Kubernetes, CloudNativePG, Prometheus Operator and External Secrets: the schemas compiled into the
// kubernetes-models packages (versions in package-lock.json). Keycloak Operator: schemas/ (README there).
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const PACKAGES = {
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "external-secrets.io": "@kubernetes-models/external-secrets",
};
const KEYCLOAK_GROUP = "k8s.keycloak.org";

const ajv = new Ajv({ allErrors: true, strict: true });
const keycloakSchemas = Object.fromEntries(["Keycloak", "KeycloakRealmImport"].map((kind) => [kind,
  ajv.compile(JSON.parse(readFileSync(new URL(`schemas/${kind}.v2alpha1.json`, import.meta.url))))]));

async function check(object) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  if (group === KEYCLOAK_GROUP) {
    const validate = version === "v2alpha1" && keycloakSchemas[object.kind];
    if (!validate) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
    if (!validate(object)) throw new Error(ajv.errorsText(validate.errors, { dataVar: "object" }));
    return;
  }
  const module = group === ""
    ? `kubernetes-models/${version}/${object.kind}`
    : `${PACKAGES[group] ?? "kubernetes-models"}/${group}/${version}/${object.kind}`;
  let Model;
  try {
    ({ [object.kind]: Model } = await import(module));
  } catch {
    throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  }
  new Model(object).validate();
}

let failures = 0;
let count = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    const object = document.toJS();
    if (object === null) continue;
    count++;
    const name = `${file}: ${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
    try {
      await check(object);
    } catch (e) {
      failures++;
      console.log(`INVALID ${name}: ${e.message}`);
    }
  }
}
console.log(`${count} objects checked, ${failures} invalid`);
process.exit(failures === 0 && count > 0 ? 0 : 1);
