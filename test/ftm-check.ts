// Checks FollowTheMoney entities against the FtM model @alephdata/followthemoney ships (its defaultModel), for the
// FtM export's tests (unit: the mapping; integration: /export?format=ftm).
import { Model, defaultModel } from '@alephdata/followthemoney';
import type { FtmEntity } from '../src/export/ftm.js';

const model = new Model(defaultModel);
const FTM_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

/** Every way `entities` break the FtM model, as readable lines (empty: valid). */
export function ftmProblems(entities: readonly FtmEntity[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, FtmEntity>();
  for (const e of entities) {
    if (byId.has(e.id)) problems.push(`${e.id}: id used twice`);
    byId.set(e.id, e);
  }
  for (const e of entities) {
    const schema = model.schemata[e.schema];
    if (!schema) {
      problems.push(`${e.id}: unknown schema ${e.schema}`);
      continue;
    }
    if (schema.abstract) problems.push(`${e.id}: abstract schema ${e.schema}`);
    for (const required of schema.required) if (!e.properties[required]?.length) problems.push(`${e.id}: ${e.schema} requires ${required}`);
    // The FtM JS proxy must accept the entity as it is.
    try {
      model.getEntity({ id: e.id, schema: e.schema, properties: e.properties });
    } catch (error) {
      problems.push(`${e.id}: rejected by the FtM model: ${String(error)}`);
    }
    for (const [name, values] of Object.entries(e.properties)) {
      if (!schema.hasProperty(name)) {
        problems.push(`${e.id}: ${e.schema} has no property ${name}`);
        continue;
      }
      const prop = schema.getProperty(name);
      if (prop.deprecated) problems.push(`${e.id}: ${e.schema}.${name} is deprecated`);
      const type = prop.type;
      for (const v of values) {
        if (typeof v !== 'string' || v === '') problems.push(`${e.id}: ${name} has a value that is no non-empty string`);
        else if (v.length > Math.max(prop.maxLength || 0, type.maxLength || 0, 0) && (prop.maxLength || type.maxLength)) problems.push(`${e.id}: ${name} longer than ${prop.maxLength || type.maxLength}`);
        if (type.name === 'entity') {
          const target = byId.get(v);
          if (!target) problems.push(`${e.id}: ${name} refers to ${v}, not in the export`);
          else if (!model.getSchema(target.schema).isA(prop.getRange())) problems.push(`${e.id}: ${name} refers to a ${target.schema}, not a ${prop.getRange().name}`);
        } else if (type.name === 'date' && !FTM_DATE.test(v)) problems.push(`${e.id}: ${name} "${v}" is no FtM date`);
        else if (type.name === 'url' && !/^https?:\/\/\S+$/.test(v)) problems.push(`${e.id}: ${name} "${v}" is no URL`);
        else if (type.values.size > 0 && !type.values.has(v)) problems.push(`${e.id}: ${name} "${v}" is no ${type.name} code`);
      }
    }
  }
  return problems;
}

