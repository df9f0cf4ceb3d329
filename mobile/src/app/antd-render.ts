import { unstableSetRender } from 'antd-mobile/es/utils/unstable-render';
import { createRoot, type Root } from 'react-dom/client';

const roots = new WeakMap<Element | DocumentFragment, Root>();

/**
 * antd-mobile renders Toast and Dialog with ReactDOM.render, which React 19 removed; give it
 * createRoot instead (https://mobile.ant.design/guide/v5-for-19). Must run before the first Toast.
 */
export function registerAntdMobileRender(): void {
  unstableSetRender((node, container) => {
    const root = roots.get(container) ?? createRoot(container);
    roots.set(container, root);
    root.render(node);
    return async () => {
      // Unmounting while React is rendering warns; wait for the current task to finish.
      await new Promise((resolve) => setTimeout(resolve, 0));
      root.unmount();
      roots.delete(container);
    };
  });
}
