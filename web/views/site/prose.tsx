/** A heading and its paragraphs: the building block of the project's own content pages. */
export interface ProseSection {
  heading: string;
  paragraphs: readonly string[];
  /** The heading's id, for a table of contents to link to. */
  anchor?: string;
  /** A link after the paragraphs, where a section points somewhere to act on it. */
  link?: { href: string; text: string };
}

export const ProseSections = ({ sections }: { sections: readonly ProseSection[] }) => (
  <>
    {sections.map((section) => (
      <section class="prose-section">
        <h2 id={section.anchor}>{section.heading}</h2>
        {section.paragraphs.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
        {section.link ? (
          <p>
            <a href={section.link.href}>{section.link.text}</a>
          </p>
        ) : null}
      </section>
    ))}
  </>
);

/** A short table of contents: in-page links to the sections' headings, for long pages. */
export const ProseContents = ({
  heading,
  sections,
}: {
  heading: string;
  sections: readonly ProseSection[];
}) => (
  <nav class="prose-contents" aria-labelledby="contents-heading">
    <h2 id="contents-heading">{heading}</h2>
    <ol>
      {sections
        .filter((section) => section.anchor)
        .map((section) => (
          <li>
            <a href={`#${section.anchor}`}>{section.heading}</a>
          </li>
        ))}
    </ol>
  </nav>
);
