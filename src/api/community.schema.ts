/** Schemas shared by the community routes (comments, ratings, folders, reports, moderation). */
import Type from 'typebox';

// Null first: with Fastify's type coercion, a null tried against a string first would become "".
export const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const IdParams = Type.Object({ id: Id });
export const FolderSetParams = Type.Object({ id: Id, setId: Id });

export const PersonSchema = Type.Object({ handle: Type.String(), displayName: Type.String() });

export const NoContent = Type.Null();
