// Variable references in action configuration: `#{variables.Name}` (V2 pipeline variables),
// `#{codepipeline.PipelineExecutionId}` and `#{Namespace.Variable}` (earlier actions' output).
import type { ExecutionRecord } from '../model/records';

export function resolveConfiguration(config: Record<string, string>, exec: ExecutionRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] = value.replace(/#\{([A-Za-z0-9@\-_]+)\.([A-Za-z0-9@\-_]+)\}/g, (whole, ns: string, name: string) => {
      if (ns === 'variables') return exec.variables.find((v) => v.name === name)?.resolvedValue ?? whole;
      if (ns === 'codepipeline' && name === 'PipelineExecutionId') return exec.id;
      return exec.namespaces.get(ns)?.[name] ?? whole;
    });
  }
  return out;
}
