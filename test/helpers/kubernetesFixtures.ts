/**
 * Manifests shared by Kubernetes rule tests. Line numbers matter to those tests: the pod
 * securityContext is on line 6 and the container's on line 9.
 */
export const podWithSecurityContexts = (podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext: ${podContext}
  containers:
    - name: app
      securityContext: ${containerContext}
`;
