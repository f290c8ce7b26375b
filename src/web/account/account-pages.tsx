import type { FormState } from '../forms.js';
import { CsrfField, ErrorSummary, TextField } from '../views/components/form.js';
import { Layout } from '../views/layout.js';
import type { PageContext } from '../views/page-context.js';
import { nextQuery } from '../views/urls.js';

const SIGNUP_LABELS = { displayName: 'Name', handle: 'Handle', email: 'Email', password: 'Password' };

export function SignUpPage({ page, state, next }: { page: PageContext; state: FormState; next: string }) {
  return (
    <Layout page={page} title="Sign up">
      <h1>Sign up</h1>
      <p class="lede">Write and share card sets, comment, rate and keep folders.</p>
      <ErrorSummary state={state} labels={SIGNUP_LABELS} />
      <form method="post" action="/signup" class="form" novalidate>
        <CsrfField token={page.csrf()} />
        <input type="hidden" name="next" value={next} />
        <TextField
          state={state}
          name="displayName"
          label="Name"
          hint="Shown on your sets and comments."
          autocomplete="name"
          maxLength={100}
          required
        />
        <TextField
          state={state}
          name="handle"
          label="Handle"
          hint="Your address on Recall, e.g. /users/sam-jones: lower-case letters, digits, - and _."
          autocomplete="username"
          maxLength={30}
          required
        />
        <TextField
          state={state}
          name="email"
          label="Email"
          type="email"
          autocomplete="email"
          maxLength={254}
          required
        />
        <TextField
          state={state}
          name="password"
          label="Password"
          type="password"
          hint="At least 10 characters."
          autocomplete="new-password"
          maxLength={200}
          required
        />
        <button type="submit" class="button">
          Create account
        </button>
      </form>
      <p>
        Already have an account? <a href="/login">Log in</a>
      </p>
    </Layout>
  );
}

export function LogInPage({ page, state, next }: { page: PageContext; state: FormState; next: string }) {
  return (
    <Layout page={page} title="Log in">
      <h1>Log in</h1>
      <ErrorSummary state={state} labels={{ login: 'Handle or email', password: 'Password' }} />
      <form method="post" action="/login" class="form" novalidate>
        <CsrfField token={page.csrf()} />
        <input type="hidden" name="next" value={next} />
        <TextField
          state={state}
          name="login"
          label="Handle or email"
          autocomplete="username"
          maxLength={254}
          required
        />
        <TextField
          state={state}
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          maxLength={200}
          required
        />
        <button type="submit" class="button">
          Log in
        </button>
      </form>
      <p>
        New here? <a href={`/signup${nextQuery(next)}`}>Sign up</a>
      </p>
    </Layout>
  );
}

export function LogOutPage({ page }: { page: PageContext }) {
  return (
    <Layout page={page} title="Log out">
      <h1>Log out</h1>
      {page.user === null ? (
        <p>You are not logged in.</p>
      ) : (
        <form method="post" action="/logout" class="form">
          <CsrfField token={page.csrf()} />
          <p>You are logged in as {page.user.displayName}.</p>
          <button type="submit" class="button">
            Log out
          </button>
        </form>
      )}
    </Layout>
  );
}

export function ChangePasswordPage({ page, state }: { page: PageContext; state: FormState }) {
  return (
    <Layout page={page} title="Change password">
      <h1>Change password</h1>
      <ErrorSummary
        state={state}
        labels={{ currentPassword: 'Current password', newPassword: 'New password' }}
      />
      <form method="post" action="/me/password" class="form" novalidate>
        <CsrfField token={page.csrf()} />
        <TextField
          state={state}
          name="currentPassword"
          label="Current password"
          type="password"
          autocomplete="current-password"
          required
        />
        <TextField
          state={state}
          name="newPassword"
          label="New password"
          type="password"
          hint="At least 10 characters. Your other devices will be logged out."
          autocomplete="new-password"
          required
        />
        <button type="submit" class="button">
          Change password
        </button>
      </form>
    </Layout>
  );
}
