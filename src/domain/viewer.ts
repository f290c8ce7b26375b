/** Who is asking. Null is an anonymous visitor; accounts arrive with the authoring issue. */
export type Role = 'member' | 'moderator' | 'admin';

export interface Actor {
  userId: number;
  role: Role;
}

export type Viewer = Actor | null;
