import { usePageTitle } from '../hooks.js';
import { PORTALS } from '../portals.js';
import { Link } from '../router.js';

export function LandingPage() {
  usePageTitle('Welcome');
  return (
    <div className="app landing">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Common Ground</span>
          </span>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <section className="hero">
          <h1>Find the common ground before the deal</h1>
          <p className="lead">
            Sales and procurement each write down, privately, their three objectives for a deal, how much
            operational, financial and information-security risk they see, and what kind of purchase it is.
            Common Ground works out how aligned the two sides are — and neither side ever sees the other’s
            answers.
          </p>
        </section>
        <ul className="portal-choice">
          {[PORTALS.supplier, PORTALS.buyer].map((portal) => (
            <li key={portal.key} className={`portal-card portal-card-${portal.key}`}>
              <h2>
                <Link to={portal.basePath} className="portal-card-link">
                  {portal.name}
                </Link>
              </h2>
              <p>{portal.tagline}</p>
              <p className="muted small">For {portal.organisationNoun}s.</p>
            </li>
          ))}
        </ul>
        <section className="how" aria-labelledby="how-heading">
          <h2 id="how-heading">How it works</h2>
          <ol className="steps">
            <li>
              <strong>Share a deal.</strong> One side creates it and sends the other an invitation code.
            </li>
            <li>
              <strong>Assess in private.</strong> Each side answers the same questions; the answers stay in
              its own organisation.
            </li>
            <li>
              <strong>Read the alignment.</strong> Once both have submitted, both see the same report: a
              score, the common-ground objectives, where risk views differ and what to do next.
            </li>
          </ol>
        </section>
      </main>
    </div>
  );
}
