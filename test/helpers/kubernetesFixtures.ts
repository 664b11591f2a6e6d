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

/**
 * A Windows pod hardened the way Windows allows. With `os.name: windows` the API server refuses
 * the Linux-only fields (capabilities, allowPrivilegeEscalation, seccompProfile,
 * readOnlyRootFilesystem, runAsUser...), so rules that ask for them must leave it alone.
 */
export const windowsPod = `apiVersion: v1
kind: Pod
metadata:
  name: iis
spec:
  os: {name: windows}
  securityContext:
    runAsNonRoot: true
    windowsOptions: {runAsUserName: ContainerUser}
  containers:
    - name: app
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`;
