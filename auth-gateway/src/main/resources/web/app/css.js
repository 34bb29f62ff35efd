import { noChange } from 'lit';
import { Directive, directive, PartType } from 'lit/directive.js';

// Styles computed at run time (a label's colour, the quota's width), applied through the CSSOM: the gateway's
// policy forbids style attributes, and Lit's styleMap writes one on its first render.
class CssomDirective extends Directive {
  constructor(part) {
    super(part);
    if (part.type !== PartType.ELEMENT) {
      throw new Error('cssom() goes on an element: <span ${cssom({...})}>');
    }
  }

  render() {
    return noChange;
  }

  update(part, [properties]) {
    for (const [name, value] of Object.entries(properties)) {
      part.element.style.setProperty(name, value);
    }
    return noChange;
  }
}

export const cssom = directive(CssomDirective);
