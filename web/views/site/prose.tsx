/** A heading and its paragraphs: the building block of the project's own content pages. */
export interface ProseSection {
  heading: string;
  paragraphs: readonly string[];
}

export const ProseSections = ({ sections }: { sections: readonly ProseSection[] }) => (
  <>
    {sections.map((section) => (
      <section class="prose-section">
        <h2>{section.heading}</h2>
        {section.paragraphs.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </section>
    ))}
  </>
);
