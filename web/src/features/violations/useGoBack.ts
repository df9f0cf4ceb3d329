import { useLocation, useNavigate } from 'react-router';

/** 返回: the previous page (a list keeps its filters in the URL), or `fallback` when opened directly. */
export function useGoBack(fallback: string): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  return () => {
    if (location.key === 'default') navigate(fallback);
    else navigate(-1);
  };
}
