// The workbench's "facts from passages" forms, generated from the schema's introspection: which mutations a
// passage can support, each field's control (enums as choices, entity references as pickers of the kinds the
// field names, partial dates as checked text, the citation left out), the variables a filled form makes, and
// the document that sends them (checked against the schema itself).
import { readFileSync } from 'node:fs';
import { buildSchema, introspectionFromSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildVariables, formModel, mutationDocument, recordableMutations, type FormField, type IntrospectedSchema } from '../../public/workbench/src/form-model.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const introspected = introspectionFromSchema(schema).__schema as unknown as IntrospectedSchema;
const field = (fields: FormField[], name: string) => fields.find((f) => f.name === name);
const passage = { source: 'source:x', quote: 'Aigerim Tleuzhan joined Amanat in 2019.' };

describe('recordableMutations', () => {
  it('offers every mutation that takes a citation, and none that does not', () => {
    const names = recordableMutations(introspected);
    for (const m of ['addMembership', 'addCandidacy', 'addCandidacyStatus', 'addPartyResult', 'addFamilyTie', 'addCaseParty', 'addEventParticipant', 'endRelationship', 'upsertPerson', 'upsertParty']) {
      expect(names).toContain(m);
    }
    for (const m of ['addSource', 'retractFact', 'mergeEntities', 'dismissDuplicate']) expect(names).not.toContain(m);
  });
});

describe('formModel', () => {
  it('makes addMembership a form of pickers, text and partial dates, without the citations', () => {
    const model = formModel(introspected, 'addMembership');
    expect(model.shape).toBe('input');
    expect(model.citation).toEqual({ name: 'citations', list: true });
    expect(model.fields.map((f) => f.name)).not.toContain('citations');
    expect(field(model.fields, 'person')).toMatchObject({ control: 'entity', kinds: ['PERSON'], required: true });
    expect(field(model.fields, 'organization')).toMatchObject({ control: 'entity', kinds: ['PARTY', 'ORGANIZATION'], required: true });
    expect(field(model.fields, 'role')).toMatchObject({ control: 'text', required: true });
    expect(field(model.fields, 'from')).toMatchObject({ control: 'partialDate', required: false });
    expect(field(model.fields, 'id')).toMatchObject({ control: 'factId', required: false });
    expect(model.resultFields[0]).toBe('membership');
  });

  it('turns enums into choices, numbers and booleans into their controls, nested inputs into groups', () => {
    const family = formModel(introspected, 'addFamilyTie');
    const relation = field(family.fields, 'relation');
    expect(relation?.control).toBe('enum');
    expect(relation?.control === 'enum' && relation.options.map((o) => o.value).sort()).toEqual(['CHILD', 'PARENT', 'SIBLING', 'SPOUSE']);
    const result = formModel(introspected, 'addPartyResult');
    expect(field(result.fields, 'voteShare')?.control).toBe('float');
    expect(field(result.fields, 'totalSeats')?.control).toBe('int');
    expect(field(result.fields, 'passedThreshold')?.control).toBe('boolean');
    const person = formModel(introspected, 'upsertPerson');
    expect(field(person.fields, 'id')).toMatchObject({ control: 'entity', kinds: ['PERSON'], required: true });
    const aliases = field(person.fields, 'aliases');
    expect(aliases).toMatchObject({ control: 'group', list: true });
    // An alias's own citations are left out of the form (the selected passage is the citation); its kind is a choice.
    expect(aliases?.control === 'group' && aliases.fields.map((f) => f.name).sort()).toEqual(['kind', 'lang', 'name', 'script']);
    expect(aliases?.control === 'group' && field(aliases.fields, 'kind')).toMatchObject({ control: 'enum' });
    const courtCase = formModel(introspected, 'upsertCourtCase');
    const parties = field(courtCase.fields, 'addParties');
    // A nested input's own citations are left out too: the write's passage stands for them.
    expect(parties?.control === 'group' && parties.fields.map((f) => f.name).sort()).toEqual(['charges', 'entity', 'from', 'role']);
  });

  it('answers what a status change wrote, not the candidacy its input named', () => {
    expect(formModel(introspected, 'addCandidacyStatus').resultFields[0]).toBe('status');
  });

  it('forms endRelationship from its arguments, the citation argument apart', () => {
    const model = formModel(introspected, 'endRelationship');
    expect(model.shape).toBe('arguments');
    expect(model.citation).toEqual({ name: 'citation', list: false });
    expect(model.fields.map((f) => `${f.name} ${f.control}`).sort()).toEqual(['id factId', 'to partialDate']);
  });
});

describe('buildVariables and mutationDocument', () => {
  it('sends the filled fields with the passage as the only citation, leaving out what is empty', () => {
    const model = formModel(introspected, 'addMembership');
    const built = buildVariables(model, { person: 'person:a', organization: 'party:amanat', role: ' member ', from: '2019', to: '', title: '' }, passage);
    expect(built).toEqual({ variables: { input: { person: 'person:a', organization: 'party:amanat', role: 'member', from: '2019', citations: [passage] } } });
  });

  it('refuses a missing required field, a malformed partial date and a bad number on their fields, before sending', () => {
    const membership = buildVariables(formModel(introspected, 'addMembership'), { person: 'person:a', role: 'member', from: '2019-13' }, passage);
    expect('errors' in membership && membership.errors.map((e) => `${e.field} ${e.code}`).sort()).toEqual(['from BAD_DATE', 'organization REQUIRED']);
    const result = buildVariables(formModel(introspected, 'addPartyResult'), { party: 'party:a', election: 'election:b', voteShare: '53,9' }, passage);
    expect('errors' in result && result.errors.map((e) => [e.field, e.code])).toEqual([['voteShare', 'INVALID']]);
  });

  it('converts numbers, booleans, lists and groups, and ignores a group item left empty', () => {
    const result = buildVariables(formModel(introspected, 'addPartyResult'), { party: 'party:a', election: 'election:b', voteShare: '53.9', totalSeats: '62', passedThreshold: 'true' }, passage);
    expect(result).toEqual({ variables: { input: { party: 'party:a', election: 'election:b', voteShare: 53.9, totalSeats: 62, passedThreshold: true, citations: [passage] } } });
    const person = buildVariables(formModel(introspected, 'upsertPerson'), { id: 'person:a', name: 'A', aliases: [{ name: 'Ə', lang: 'kk', script: '' }, { name: '', lang: '', script: '' }] }, passage);
    expect(person).toEqual({ variables: { input: { id: 'person:a', name: 'A', aliases: [{ name: 'Ə', lang: 'kk' }], citations: [passage] } } });
    const end = buildVariables(formModel(introspected, 'endRelationship'), { id: 'membership:x', to: '2023-03' }, passage);
    expect(end).toEqual({ variables: { id: 'membership:x', to: '2023-03', citation: passage } });
  });

  it('builds a document the schema accepts for every recordable mutation', () => {
    for (const m of recordableMutations(introspected)) {
      const document = mutationDocument(formModel(introspected, m));
      expect(validate(schema, parse(document)).map((e) => `${m}: ${e.message}`)).toEqual([]);
    }
  });
});
