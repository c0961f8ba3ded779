/** How a pattern line is read, by example: the same syntax serves keywords and tag rules. */
const EXAMPLES: Array<[line: string, meaning: string, finds: string]> = [
  ['diffusion', 'whole word, any case', 'Diffusion, diffusion — not diffusions'],
  ['reinforcement learning', 'a phrase; any spaces or line breaks between the words', 'Reinforcement Learning'],
  ['"BERT"', 'in quotes: exact case', 'BERT — not Bert'],
  ['transform*', 'ends in *: words beginning with it', 'Transformer, transformers'],
  ['/multi-?modal/i', 'a regular expression; add i for any case', 'multimodal, Multi-Modal'],
];

export function SyntaxHelp({ id }: { id: string }) {
  return (
    <aside class="help" id={id} aria-label="Pattern syntax">
      <h3>One pattern per line</h3>
      <dl>
        {EXAMPLES.map(([line, meaning, finds]) => (
          <div key={line}>
            <dt>
              <code>{line}</code>
            </dt>
            <dd>
              {meaning}
              <span class="finds">{finds}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p class="muted small">Or use the switches beside each keyword below.</p>
    </aside>
  );
}
