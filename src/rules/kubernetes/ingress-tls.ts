/**
 * An Ingress serves every host it routes over TLS: each host in `rules` is listed in a
 * `spec.tls` entry (which names the certificate's Secret), and the controller is not told to
 * keep plain HTTP open (`ssl-redirect: "false"`). Traffic from the internet to a service then
 * never crosses the network in clear text, and the certificate proves which service answers.
 */
import { describeObject, hitAt, stringList } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

/** Annotations that keep plain HTTP served next to HTTPS, by controller. */
const PLAIN_HTTP_ANNOTATIONS = ['nginx.ingress.kubernetes.io/ssl-redirect', 'nginx.ingress.kubernetes.io/force-ssl-redirect'];

export const ingressTls: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/ingress-tls',
    severity: 'error',
    title: 'An Ingress serves a host without TLS',
    passTitle: 'Every host of the Ingress is served over TLS',
    why:
      'Without a `tls` entry the Ingress answers on plain HTTP: logins, session cookies and API tokens cross ' +
      'every network between the user and the cluster readable and changeable by anyone on the path, and ' +
      'nothing proves to the client that it reached your service. One host left out of `tls` is enough.',
    fix:
      'Add `spec.tls: [{hosts: [shop.example.com], secretName: shop-tls}]` covering every host in `rules` (the ' +
      'Secret holds the certificate, e.g. issued by cert-manager), and drop any `ssl-redirect: "false"` annotation.',
    item: 'network.tls',
    references: ['cis-kubernetes:5.7'],
  },
  check(model) {
    return model.objects
      .filter((object) => object.kind === 'Ingress')
      .flatMap((ingress) => {
        const spec = asRecord(ingress.value.spec);
        const tlsEntries = asArray(spec.tls).map(asRecord);
        const tlsHosts = new Set(tlsEntries.flatMap((entry) => (typeof entry.secretName === 'string' && entry.secretName !== '' ? stringList(entry.hosts) : [])));
        const hits = asArray(spec.rules).flatMap((rule, index) => {
          const host = asRecord(rule).host;
          const name = typeof host === 'string' && host !== '' ? host : undefined;
          if (name !== undefined && (tlsHosts.has(name) || [...tlsHosts].some((h) => h.startsWith('*.') && name.endsWith(h.slice(1))))) return [];
          const what = name ?? 'every host (the rule has no host)';
          const why = tlsEntries.length === 0 ? 'the Ingress has no tls section' : 'no tls entry with a secretName lists it';
          return [hitAt(ingress, [...ingress.path, 'spec', 'rules', index], `${describeObject(ingress)} serves ${what} over plain HTTP: ${why}`)];
        });
        const annotations = asRecord(asRecord(ingress.value.metadata).annotations);
        for (const key of PLAIN_HTTP_ANNOTATIONS) {
          if (String(annotations[key]).toLowerCase() === 'false') {
            hits.push(hitAt(ingress, [...ingress.path, 'metadata', 'annotations', key], `${describeObject(ingress)} sets ${key}: "false", so plain HTTP stays open beside HTTPS`));
          }
        }
        return hits;
      });
  },
};
